import Foundation

extension JSONScanner {
    /// The one JSON value `bytes` holds (whitespace around it allowed) as the Foundation values
    /// `JSONSerialization` gives — `[String: Any]`, `[Any]`, `String`, `NSNumber`, `NSNull` — but with numbers
    /// read exactly: integers as `Int64` (or `UInt64` above it), every other number as the `Double` nearest
    /// its text, where `JSONSerialization` on Linux can be one unit off in the last place.
    ///
    /// One pass; nesting deeper than ``maxDepth`` is refused before it can exhaust the stack.
    /// - Throws: ``Failure`` naming the position of the first problem.
    package static func foundationValue(_ bytes: [UInt8]) throws(Failure) -> Any {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var scanner = JSONScanner(buffer)
            let value = try scanner.foundationValue(depth: 0)
            try scanner.end()
            return value
        }
    }

    /// The members of the JSON object `bytes` holds, in their order, each value as its compact text
    /// (``compactValue()``): nothing is merged, not even keys equal as Unicode text.
    /// - Throws: ``Failure`` if `bytes` is not one JSON object.
    package static func members(_ bytes: [UInt8]) throws(Failure) -> [(key: String, value: String)] {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var scanner = JSONScanner(buffer)
            guard scanner.beginObject() else { throw scanner.failure("an object expected") }
            var members: [(key: String, value: String)] = []
            var first = true
            while let key = try scanner.nextKey(first: &first) { members.append((key, try scanner.compactValue())) }
            try scanner.end()
            return members
        }
    }

    private mutating func foundationValue(depth: Int) throws(Failure) -> Any {
        let kind = nextKind()
        if depth >= Self.maxDepth && (kind == .object || kind == .array) {
            throw failure("nesting deeper than \(Self.maxDepth) levels")
        }
        switch kind {
        case .object?:
            _ = beginObject()
            var object: [String: Any] = [:]
            var first = true
            while let key = try nextKey(first: &first) { object[key] = try foundationValue(depth: depth + 1) }
            return object
        case .array?:
            _ = beginArray()
            var array: [Any] = []
            var first = true
            while try nextElement(first: &first) { array.append(try foundationValue(depth: depth + 1)) }
            return array
        case .string?: return try string()
        case .boolean?: return NSNumber(value: try boolean())
        case .null?:
            guard null() else { throw failure("null expected") }
            return NSNull()
        case .number?:
            let number = try number()
            if let integer = number.int64, number.isInteger { return NSNumber(value: integer) }
            if let integer = number.uint64, number.isInteger { return NSNumber(value: integer) }
            return NSNumber(value: Double(String(decoding: number.text, as: UTF8.self)) ?? .nan)
        case nil: throw failure("a value expected")
        }
    }
}
