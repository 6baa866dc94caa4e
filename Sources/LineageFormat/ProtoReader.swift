/// Reads protocol-buffers wire-format fields one at a time from a byte buffer, without copying.
///
/// The buffer must outlive the reader; the ranges it returns index into it.
package struct ProtoReader {
    /// One decoded field.
    package struct Field {
        /// The field number.
        package let number: Int
        /// The wire type.
        package let wireType: ProtoWireType
        /// The varint, or the fixed64/fixed32 bits, of a scalar field.
        package let scalar: UInt64
        /// The payload of a length-delimited field.
        package let payload: UnsafeRawBufferPointer
        /// The field's whole encoding, tag included — kept verbatim when the field is unknown.
        package let raw: UnsafeRawBufferPointer
    }

    private let buffer: UnsafeRawBufferPointer
    private var offset = 0
    /// What is being decoded, for error messages (e.g. a record kind).
    package let context: String

    /// Creates a reader over `buffer`.
    package init(_ buffer: UnsafeRawBufferPointer, context: String) {
        self.buffer = buffer
        self.context = context
    }

    private mutating func varint() throws(FormatError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < buffer.count else {
                throw FormatError(.truncated, "\(context): varint at byte \(offset) is cut off")
            }
            let byte = buffer[offset]
            offset += 1
            if shift == 63, byte > 1 {
                throw FormatError(.unsupportedInteger, "\(context): varint at byte \(offset - 1) exceeds 64 bits")
            }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    private mutating func fixed(_ length: Int) throws(FormatError) -> UInt64 {
        guard offset + length <= buffer.count else {
            throw FormatError(.truncated, "\(context): fixed field at byte \(offset) needs \(length) bytes")
        }
        var value: UInt64 = 0
        for index in 0..<length { value |= UInt64(buffer[offset + index]) << (8 * UInt64(index)) }
        offset += length
        return value
    }

    /// The next field, or `nil` at the end of the buffer.
    package mutating func next() throws(FormatError) -> Field? {
        guard offset < buffer.count else { return nil }
        let start = offset
        let tag = try varint()
        let number = tag >> 3
        guard number > 0, number < 1 << 29 else {
            throw FormatError(.invalidFieldNumber, "\(context): field number \(number) at byte \(start)")
        }
        guard let wireType = ProtoWireType(rawValue: UInt8(tag & 7)) else {
            throw FormatError(.invalidWireType, "\(context): wire type \(tag & 7) at byte \(start)")
        }
        var scalar: UInt64 = 0
        var payload = UnsafeRawBufferPointer(start: nil, count: 0)
        switch wireType {
        case .varint: scalar = try varint()
        case .fixed64: scalar = try fixed(8)
        case .fixed32: scalar = try fixed(4)
        case .lengthDelimited:
            let length = try varint()
            guard length <= UInt64(buffer.count - offset) else {
                throw FormatError(.truncated, "\(context): field \(number) at byte \(start) claims \(length) bytes")
            }
            payload = UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + Int(length)])
            offset += Int(length)
        }
        return Field(
            number: Int(number), wireType: wireType, scalar: scalar, payload: payload,
            raw: UnsafeRawBufferPointer(rebasing: buffer[start..<offset]))
    }
}

extension ProtoReader.Field {
    func require(_ type: ProtoWireType, _ what: String, _ context: String) throws(FormatError) {
        if wireType != type {
            throw FormatError(
                .invalidWireType, "\(context): field \(number) (\(what)) has wire type \(wireType.rawValue)")
        }
    }

    /// The value of a `uint64` field.
    package func uint64(_ context: String) throws(FormatError) -> UInt64 {
        try require(.varint, "uint64", context)
        return scalar
    }

    /// The value of an `int64` field.
    package func int64(_ context: String) throws(FormatError) -> Int64 {
        try require(.varint, "int64", context)
        return Int64(bitPattern: scalar)
    }

    /// The value of a `sint64` field.
    package func sint64(_ context: String) throws(FormatError) -> Int64 {
        try require(.varint, "sint64", context)
        return Int64(bitPattern: (scalar >> 1) ^ (0 &- (scalar & 1)))
    }

    /// The value of a `bool` field.
    package func bool(_ context: String) throws(FormatError) -> Bool {
        try require(.varint, "bool", context)
        return scalar != 0
    }

    /// The value of a `fixed64` field.
    package func fixed64(_ context: String) throws(FormatError) -> UInt64 {
        try require(.fixed64, "fixed64", context)
        return scalar
    }

    /// The value of an `sfixed64` field.
    package func sfixed64(_ context: String) throws(FormatError) -> Int64 {
        Int64(bitPattern: try fixed64(context))
    }

    /// The value of a `double` field.
    package func double(_ context: String) throws(FormatError) -> Double {
        Double(bitPattern: try fixed64(context))
    }

    /// The value of a `bytes` field, copied.
    package func bytes(_ context: String) throws(FormatError) -> [UInt8] {
        try require(.lengthDelimited, "bytes", context)
        return Array(payload)
    }

    /// The value of a `string` field; invalid UTF-8 is an error, never repaired.
    package func string(_ context: String) throws(FormatError) -> String {
        try require(.lengthDelimited, "string", context)
        guard let text = String(validating: payload, as: UTF8.self) else {
            throw FormatError(.invalidUTF8, "\(context): field \(number) is not valid UTF-8")
        }
        return text
    }

    /// A reader over a nested message field.
    package func message(_ context: String) throws(FormatError) -> ProtoReader {
        try require(.lengthDelimited, "message", context)
        return ProtoReader(payload, context: context)
    }
}
