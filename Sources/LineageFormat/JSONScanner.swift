/// A forward reader of one JSON text (RFC 8259) straight from its UTF-8 bytes: values are read as the type
/// the caller expects, or skipped with full validation, without building an object tree.
///
/// Every method throws ``JSONScanner/Failure`` naming the byte offset; strings are checked to be valid UTF-8
/// without control characters, numbers to follow the grammar, and nesting is limited to ``maxDepth``.
package struct JSONScanner {
    /// Why the text is not the JSON the caller expected.
    package struct Failure: Error, Equatable {
        /// What was wrong, e.g. `a string expected at byte 14`.
        package let message: String
    }

    /// The deepest nesting of arrays and objects accepted.
    package static let maxDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    /// A scanner at the start of `bytes`, which must outlive it.
    package init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    func failure(_ what: String) -> Failure {
        Failure(message: position < bytes.count ? "\(what) at byte \(position)" : "\(what) at the end of the text")
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// The next significant byte, after whitespace, or `nil` at the end.
    private mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Consumes `null` if it is next; the caller then treats the value as absent.
    package mutating func null() -> Bool {
        guard peek() == UInt8(ascii: "n"), literal("null") else { return false }
        return true
    }

    /// Reads `true` or `false`.
    package mutating func boolean() throws(Failure) -> Bool {
        if peek() == UInt8(ascii: "t"), literal("true") { return true }
        if peek() == UInt8(ascii: "f"), literal("false") { return false }
        throw failure("true or false expected")
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for index in 0..<count where bytes[position + index] != word.utf8Start[index] { return false }
        position += count
        return true
    }

    /// The kinds of JSON value.
    package enum Kind { case object, array, string, number, boolean, null }

    /// The kind of the next value, judged by its first byte, or `nil` if no value can start there.
    package mutating func nextKind() -> Kind? {
        switch peek() {
        case UInt8(ascii: "{")?: .object
        case UInt8(ascii: "[")?: .array
        case Self.quote?: .string
        case UInt8(ascii: "t")?, UInt8(ascii: "f")?: .boolean
        case UInt8(ascii: "n")?: .null
        case let byte? where byte == UInt8(ascii: "-") || Self.isDigit(byte): .number
        default: nil
        }
    }

    /// Consumes the `{` of an object; `false` (consuming nothing) if the next value is not an object.
    package mutating func beginObject() -> Bool { consume(UInt8(ascii: "{")) }

    /// Consumes the `[` of an array; `false` (consuming nothing) if the next value is not an array.
    package mutating func beginArray() -> Bool { consume(UInt8(ascii: "[")) }

    /// Inside an object: the next member's key (its `:` consumed, the value next), or `nil` after the
    /// closing `}`. `first` tells whether no member has been read yet.
    package mutating func nextKey(first: inout Bool) throws(Failure) -> String? {
        if consume(UInt8(ascii: "}")) { return nil }
        if !first && !consume(UInt8(ascii: ",")) { throw failure("',' or '}' expected") }
        first = false
        guard peek() == Self.quote else { throw failure("a member name expected") }
        let key = try string()
        guard consume(UInt8(ascii: ":")) else { throw failure("':' expected") }
        return key
    }

    /// Inside an array: whether another element follows (positioned at it), `false` after the closing `]`.
    package mutating func nextElement(first: inout Bool) throws(Failure) -> Bool {
        if first {
            first = false
            return !consume(UInt8(ascii: "]"))
        }
        if consume(UInt8(ascii: "]")) { return false }
        guard consume(UInt8(ascii: ",")) else { throw failure("',' or ']' expected") }
        return true
    }

    /// Reads a string value, unescaping it.
    package mutating func string() throws(Failure) -> String {
        guard peek() == Self.quote else { throw failure("a string expected") }
        position += 1
        let start = position
        var escaped = false
        while true {
            guard position < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[position]
            if byte == Self.quote { break }
            if byte < 0x20 { throw failure("a control character in a string") }
            if byte == Self.backslash {
                escaped = true
                position += 1
            }
            position += 1
        }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
        position += 1
        if !escaped {
            guard let text = String(validating: raw, as: UTF8.self) else { throw failure("invalid UTF-8 in a string") }
            return text
        }
        return try unescape(raw, at: start)
    }

    private func unescape(_ raw: UnsafeBufferPointer<UInt8>, at offset: Int) throws(Failure) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = 0
        func bad() -> Failure { Failure(message: "an invalid escape in the string at byte \(offset)") }
        func hex4() throws(Failure) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                index += 1
                guard index < raw.count, let digit = Self.hexDigit(raw[index]) else { throw bad() }
                value = value << 4 | digit
            }
            return value
        }
        while index < raw.count {
            let byte = raw[index]
            guard byte == Self.backslash else {
                output.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < raw.count else { throw bad() }
            switch raw[index] {
            case UInt8(ascii: "\""): output.append(Self.quote)
            case UInt8(ascii: "\\"): output.append(Self.backslash)
            case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard index + 2 < raw.count, raw[index + 1] == Self.backslash, raw[index + 2] == UInt8(ascii: "u")
                    else { throw bad() }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw bad() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw bad() }
                output.append(contentsOf: UTF8.encode(unicode)!)
            default: throw bad()
            }
            index += 1
        }
        guard let text = String(validating: output, as: UTF8.self) else {
            throw Failure(message: "invalid UTF-8 in the string at byte \(offset)")
        }
        return text
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// A number as it appears in the text.
    package struct Number {
        /// Its bytes.
        package let text: UnsafeBufferPointer<UInt8>
        /// Whether it has no fraction and no exponent.
        package let isInteger: Bool

        /// The number as an `Int64` if it is an integer that fits (`2.0` and `1e3` are integers), else `nil`.
        package var int64: Int64? {
            guard isInteger else { return exactDouble.flatMap { Int64(exactly: $0) } }
            let negative = text[0] == UInt8(ascii: "-")
            guard let magnitude = Self.magnitude(text.dropFirst(negative ? 1 : 0)) else { return nil }
            if negative { return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil }
            return Int64(exactly: magnitude)
        }

        /// The number as a `UInt64` if it is a non-negative integer that fits, else `nil`.
        package var uint64: UInt64? {
            guard isInteger else { return exactDouble.flatMap { UInt64(exactly: $0) } }
            if text[0] == UInt8(ascii: "-") { return int64 == 0 ? 0 : nil }
            return Self.magnitude(text[...])
        }

        /// Whether the number is within a `Double`'s range, so that every JSON reader can read it.
        var isFinite: Bool {
            (isInteger && text.count <= 20) || Double(String(decoding: text, as: UTF8.self))?.isFinite == true
        }

        /// A fraction or exponent that denotes a whole number, as a `Double`.
        private var exactDouble: Double? {
            guard let value = Double(String(decoding: text, as: UTF8.self)), value.rounded() == value else {
                return nil
            }
            return value
        }

        private static func magnitude(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
            var value: UInt64 = 0
            for digit in digits {
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
                if overflow1 || overflow2 { return nil }
                value = sum
            }
            return value
        }
    }

    /// Reads a number value.
    package mutating func number() throws(Failure) -> Number {
        guard let first = peek(), first == UInt8(ascii: "-") || Self.isDigit(first) else {
            throw failure("a number expected")
        }
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, Self.isDigit(bytes[position]) else { throw failure("a digit expected") }
        if bytes[position] == UInt8(ascii: "0") { position += 1 } else { skipDigits() }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count, Self.isDigit(bytes[position]) else { throw failure("a digit expected") }
            skipDigits()
        }
        if position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"))
            {
                position += 1
            }
            guard position < bytes.count, Self.isDigit(bytes[position]) else { throw failure("a digit expected") }
            skipDigits()
        }
        let number = Number(text: UnsafeBufferPointer(rebasing: bytes[start..<position]), isInteger: isInteger)
        guard number.isFinite else { throw failure("a number beyond the range of a double") }
        return number
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private mutating func skipDigits() {
        while position < bytes.count && Self.isDigit(bytes[position]) { position += 1 }
    }

    /// Skips one value of any kind, checking it is well-formed, without recursion.
    package mutating func skipValue() throws(Failure) {
        // Open containers, innermost last: `true` for an object.
        var open: [Bool] = []
        var first = false
        repeat {
            if let isObject = open.last {
                let more = isObject ? try nextKey(first: &first) != nil : try nextElement(first: &first)
                if !more {
                    open.removeLast()
                    first = false
                    continue
                }
            }
            switch peek() {
            case UInt8(ascii: "{")?, UInt8(ascii: "[")?:
                guard open.count < Self.maxDepth else { throw failure("nesting deeper than \(Self.maxDepth)") }
                open.append(bytes[position] == UInt8(ascii: "{"))
                position += 1
                first = true
            case Self.quote?: _ = try string()
            case UInt8(ascii: "t")?: guard literal("true") else { throw failure("a value expected") }
            case UInt8(ascii: "f")?: guard literal("false") else { throw failure("a value expected") }
            case UInt8(ascii: "n")?: guard literal("null") else { throw failure("a value expected") }
            default: _ = try number()
            }
        } while !open.isEmpty
    }

    /// Skips one value and returns its text without the whitespace outside strings: the canonical form in
    /// which the store keeps JSON documents it is given (member order, number spellings and string escapes
    /// exactly as received).
    package mutating func compactValue() throws(Failure) -> String {
        _ = peek()
        let start = position
        try skipValue()
        var output: [UInt8] = []
        output.reserveCapacity(position - start)
        var inString = false
        var index = start
        while index < position {
            let byte = bytes[index]
            if inString {
                output.append(byte)
                if byte == Self.backslash {
                    index += 1
                    output.append(bytes[index])
                } else if byte == Self.quote {
                    inString = false
                }
            } else if byte == Self.quote {
                inString = true
                output.append(byte)
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Why `text` is not exactly one JSON value (whitespace around it allowed), or `nil` if it is.
    package static func problem(in text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var scanner = JSONScanner(bytes)
            do throws(Failure) {
                try scanner.skipValue()
                try scanner.end()
                return nil
            } catch {
                return error.message
            }
        }
    }

    /// Checks that only whitespace follows.
    package mutating func end() throws(Failure) {
        guard peek() == nil else { throw failure("text after the JSON value") }
    }
}
