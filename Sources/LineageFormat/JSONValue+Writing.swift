extension JSONValue {
    /// The value as compact JSON text (``write(to:pretty:)``), for answers on hot paths.
    public var jsonBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        write(to: &bytes)
        return bytes
    }

    /// The value as JSON text: compact on one line, or `pretty` (two-space indentation, one member or
    /// element per line).
    public func jsonText(pretty: Bool = false) -> String {
        var bytes: [UInt8] = []
        write(to: &bytes, pretty: pretty)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the value's JSON text to `bytes`: object members sorted by the bytes of their keys (none
    /// merged), slashes unescaped, integral doubles without a fraction, non-finite doubles as `null`; no white
    /// space unless `pretty`.
    public func write(to bytes: inout [UInt8], pretty: Bool = false) {
        write(to: &bytes, indent: pretty ? 0 : nil)
    }

    private func write(to bytes: inout [UInt8], indent: Int?) {
        let inner = indent.map { $0 + 2 }
        func separate(_ index: Int) {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if let inner {
                bytes.append(0x0A)
                bytes += repeatElement(UInt8(ascii: " "), count: inner)
            }
        }
        func close(_ byte: Character, empty: Bool) {
            if let indent, !empty {
                bytes.append(0x0A)
                bytes += repeatElement(UInt8(ascii: " "), count: indent)
            }
            bytes.append(byte.asciiValue!)
        }
        switch self {
        case .null: bytes += "null".utf8
        case .bool(let value): bytes += (value ? "true" : "false").utf8
        case .integer(let value): bytes += String(value).utf8
        case .unsigned(let value): bytes += String(value).utf8
        case .double(let value): Self.write(double: value, to: &bytes)
        case .string(let value): Self.write(string: value, to: &bytes)
        case .array(let values):
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                separate(index)
                value.write(to: &bytes, indent: inner)
            }
            close("]", empty: values.isEmpty)
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in object.sortedMembers.enumerated() {
                separate(index)
                Self.write(string: member.key, to: &bytes)
                bytes += (indent == nil ? ":" : ": ").utf8
                member.value.write(to: &bytes, indent: inner)
            }
            close("}", empty: object.count == 0)
        }
    }

    /// Appends `value` as the shortest text that reads back as it (`3` rather than `3.0`), or `null` if it is
    /// not finite.
    private static func write(double value: Double, to bytes: inout [UInt8]) {
        guard value.isFinite else { return bytes += "null".utf8 }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes += text.utf8
    }

    /// Appends `string` as a JSON string: quotes, backslashes and control characters escaped.
    private static func write(string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += #"\""#.utf8
            case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
            case 0x0A: bytes += #"\n"#.utf8
            case 0x0D: bytes += #"\r"#.utf8
            case 0x09: bytes += #"\t"#.utf8
            case 0x08: bytes += #"\b"#.utf8
            case 0x0C: bytes += #"\f"#.utf8
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += #"\u00"#.utf8
                bytes += [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
