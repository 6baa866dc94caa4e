import Foundation

/// Encodes and decodes key tuples: order-preserving, `memcmp`-comparable, prefix-preserving.
///
/// For any tuples `a` and `b`: `encode(a) < encode(b)` in byte order exactly when `a < b` element-wise,
/// and `encode(a)` is a byte prefix of `encode(a + c)` for any `c`.
package enum TupleCodec {
    enum TypeCode {
        static let null: UInt8 = 0x00
        static let bytes: UInt8 = 0x01
        static let string: UInt8 = 0x02
        static let nested: UInt8 = 0x05
        static let intZero: UInt8 = 0x14
        static let double: UInt8 = 0x21
        static let `false`: UInt8 = 0x26
        static let `true`: UInt8 = 0x27
        static let uuid: UInt8 = 0x30
        static let escape: UInt8 = 0xFF
    }

    /// The encoding of `elements`.
    package static func encode(_ elements: [TupleElement]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        encode(elements, into: &out)
        return out
    }

    /// Appends the encoding of `elements` to `out`.
    package static func encode(_ elements: [TupleElement], into out: inout [UInt8]) {
        for element in elements { encode(element, into: &out, nested: false) }
    }

    private static func encode(_ element: TupleElement, into out: inout [UInt8], nested: Bool) {
        switch element {
        case .null:
            out.append(TypeCode.null)
            if nested { out.append(TypeCode.escape) }
        case .bytes(let bytes):
            out.append(TypeCode.bytes)
            appendEscaped(bytes, into: &out)
        case .string(let text):
            out.append(TypeCode.string)
            appendEscaped(text.utf8, into: &out)
        case .tuple(let elements):
            out.append(TypeCode.nested)
            for inner in elements { encode(inner, into: &out, nested: true) }
            out.append(0x00)
        case .int(let value):
            appendInt(value, into: &out)
        case .double(let value):
            out.append(TypeCode.double)
            appendBigEndian(orderedBits(value), into: &out)
        case .bool(let value):
            out.append(value ? TypeCode.true : TypeCode.false)
        case .uuid(let value):
            out.append(TypeCode.uuid)
            withUnsafeBytes(of: value.uuid) { out.append(contentsOf: $0) }
        }
    }

    private static func appendEscaped(_ bytes: some Sequence<UInt8>, into out: inout [UInt8]) {
        for byte in bytes {
            out.append(byte)
            if byte == 0x00 { out.append(TypeCode.escape) }
        }
        out.append(0x00)
    }

    private static func appendInt(_ value: Int64, into out: inout [UInt8]) {
        if value == 0 {
            out.append(TypeCode.intZero)
            return
        }
        let magnitude = value.magnitude
        let length = (64 - magnitude.leadingZeroBitCount + 7) / 8
        if value > 0 {
            out.append(TypeCode.intZero + UInt8(length))
            appendBigEndian(magnitude, length: length, into: &out)
        } else {
            out.append(TypeCode.intZero - UInt8(length))
            let mask: UInt64 = length == 8 ? .max : (1 << (8 * UInt64(length))) - 1
            appendBigEndian(~magnitude & mask, length: length, into: &out)
        }
    }

    private static func appendBigEndian(_ value: UInt64, length: Int = 8, into out: inout [UInt8]) {
        for index in stride(from: length - 1, through: 0, by: -1) {
            out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index))))
        }
    }

    /// The bits of `value` transformed so that unsigned order is IEEE total order: negative numbers have
    /// every bit flipped, others only the sign bit.
    static func orderedBits(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// Decodes a whole key.
    /// - Throws: ``FormatError`` with the byte offset of the first invalid byte.
    package static func decode(_ bytes: some Collection<UInt8>) throws(FormatError) -> [TupleElement] {
        let bytes = Array(bytes)
        var reader = Reader(bytes: bytes)
        var elements: [TupleElement] = []
        while !reader.isAtEnd { elements.append(try reader.element(nested: false)) }
        return elements
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0
        var isAtEnd: Bool { offset >= bytes.count }

        mutating func byte() throws(FormatError) -> UInt8 {
            guard offset < bytes.count else {
                throw FormatError(.truncated, "key ends at byte \(offset) inside an element")
            }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func element(nested: Bool) throws(FormatError) -> TupleElement {
            let start = offset
            let code = try byte()
            switch code {
            case TypeCode.null:
                if nested {
                    guard try byte() == TypeCode.escape else {
                        throw FormatError(.invalidTypeCode, "null inside a nested tuple at byte \(start) lacks 0xFF")
                    }
                }
                return .null
            case TypeCode.bytes:
                return .bytes(try unescaped())
            case TypeCode.string:
                let raw = try unescaped()
                guard let text = String(validating: raw, as: UTF8.self) else {
                    throw FormatError(.invalidUTF8, "string at byte \(start) is not valid UTF-8")
                }
                return .string(text)
            case TypeCode.nested:
                var elements: [TupleElement] = []
                while true {
                    guard offset < bytes.count else {
                        throw FormatError(.truncated, "nested tuple at byte \(start) is not terminated")
                    }
                    if bytes[offset] == 0x00, offset + 1 >= bytes.count || bytes[offset + 1] != TypeCode.escape {
                        offset += 1
                        return .tuple(elements)
                    }
                    elements.append(try element(nested: true))
                }
            case TypeCode.intZero - 8...TypeCode.intZero + 8:
                return .int(try integer(code: code, at: start))
            case TypeCode.double:
                let bits = try bigEndian(8)
                let raw = bits & (1 << 63) != 0 ? bits & ~(1 << 63) : ~bits
                return .double(Double(bitPattern: raw))
            case TypeCode.false: return .bool(false)
            case TypeCode.true: return .bool(true)
            case TypeCode.uuid:
                guard offset + 16 <= bytes.count else {
                    throw FormatError(.truncated, "UUID at byte \(start) needs 16 bytes")
                }
                let raw = bytes[offset..<offset + 16]
                offset += 16
                var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                withUnsafeMutableBytes(of: &uuid) { $0.copyBytes(from: raw) }
                return .uuid(UUID(uuid: uuid))
            default:
                throw FormatError(.invalidTypeCode, "type code 0x\(Hex.encode([code])) at byte \(start)")
            }
        }

        mutating func unescaped() throws(FormatError) -> [UInt8] {
            let start = offset
            var out: [UInt8] = []
            while true {
                guard offset < bytes.count else {
                    throw FormatError(.truncated, "string or bytes starting at byte \(start - 1) is not terminated")
                }
                let byte = bytes[offset]
                offset += 1
                if byte != 0x00 {
                    out.append(byte)
                } else if offset < bytes.count, bytes[offset] == TypeCode.escape {
                    out.append(0x00)
                    offset += 1
                } else {
                    return out
                }
            }
        }

        mutating func bigEndian(_ length: Int) throws(FormatError) -> UInt64 {
            guard offset + length <= bytes.count else {
                throw FormatError(.truncated, "value at byte \(offset) needs \(length) bytes")
            }
            var value: UInt64 = 0
            for index in 0..<length { value = value << 8 | UInt64(bytes[offset + index]) }
            offset += length
            return value
        }

        mutating func integer(code: UInt8, at start: Int) throws(FormatError) -> Int64 {
            if code == TypeCode.intZero { return 0 }
            let positive = code > TypeCode.intZero
            let length = Int(positive ? code - TypeCode.intZero : TypeCode.intZero - code)
            let raw = try bigEndian(length)
            let mask: UInt64 = length == 8 ? .max : (1 << (8 * UInt64(length))) - 1
            let magnitude = positive ? raw : ~raw & mask
            guard magnitude != 0, (64 - magnitude.leadingZeroBitCount + 7) / 8 == length else {
                throw FormatError(.nonCanonical, "integer at byte \(start) is not minimally encoded")
            }
            if positive {
                guard magnitude <= UInt64(Int64.max) else {
                    throw FormatError(.unsupportedInteger, "integer at byte \(start) exceeds Int64.max")
                }
                return Int64(magnitude)
            }
            guard magnitude <= UInt64(Int64.max) + 1 else {
                throw FormatError(.unsupportedInteger, "integer at byte \(start) is below Int64.min")
            }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
    }
}
