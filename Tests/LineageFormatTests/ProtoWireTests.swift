import LineageFormat
import Testing

@Suite struct ProtoWireTests {
    @Test(arguments: [Int64.min, -1, 0, 1, 63, -64, 64, Int64.max])
    func signedIntegersRoundTrip(value: Int64) throws {
        var writer = ProtoWriter()
        writer.write(1, sint64: value)
        writer.write(2, int64: value)
        writer.write(3, sfixed64: value)
        let bytes = writer.bytes
        try bytes.withUnsafeBytes { buffer in
            var reader = ProtoReader(buffer, context: "test")
            var seen: [Int: Int64] = [:]
            while let field = try reader.next() {
                switch field.number {
                case 1: seen[1] = try field.sint64("test")
                case 2: seen[2] = try field.int64("test")
                default: seen[3] = try field.sfixed64("test")
                }
            }
            let expected: [Int: Int64] = value == 0 ? [:] : [1: value, 2: value, 3: value]
            #expect(seen == expected)
        }
    }

    @Test func zigzagKeepsSmallNegativesShort() {
        var writer = ProtoWriter()
        writer.write(1, sint64: -1)
        #expect(writer.bytes == [0x08, 0x01])
        var plain = ProtoWriter()
        plain.write(1, int64: -1)
        #expect(plain.bytes.count == 11)
    }

    @Test func defaultsAreOmittedLikeProtoc() {
        var writer = ProtoWriter()
        writer.write(1, uint64: 0)
        writer.write(2, string: "")
        writer.write(3, bool: false)
        writer.write(4, double: 0)
        #expect(writer.bytes.isEmpty)
        writer.write(4, double: -0.0)
        #expect(writer.bytes.count == 9, "negative zero is not the default and must be kept")
        writer.writeRepeated(5, string: "")
        #expect(writer.bytes.suffix(2) == [0x2A, 0x00])
    }

    @Test(
        arguments: [
            ([0x08], FormatError.Code.truncated),
            ([0x0B, 0x00], .invalidWireType),  // wire type 3 (start group)
            ([0x00, 0x01], .invalidFieldNumber),
            ([0x12, 0x05, 0x61], .truncated),
            ([0x09, 0x01, 0x02], .truncated),
            ([0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], .unsupportedInteger),
        ] as [([UInt8], FormatError.Code)])
    func malformedBodiesAreRejected(bytes: [UInt8], code: FormatError.Code) {
        #expect {
            try bytes.withUnsafeBytes { buffer in
                var reader = ProtoReader(buffer, context: "test body")
                while try reader.next() != nil {}
            }
        } throws: { error in
            (error as? FormatError)?.code == code && "\(error)".contains("test body")
        }
    }

    @Test func invalidUTF8InAStringFieldIsAnError() {
        var writer = ProtoWriter()
        writer.write(4, bytes: [0xC3, 0x28])
        let body = writer.bytes
        #expect {
            try body.withUnsafeBytes { try FormatInfo(body: $0, context: "format_info") }
        } throws: { error in
            (error as? FormatError)?.code == .invalidUTF8
        }
    }

    @Test func wrongWireTypeForAKnownFieldIsAnError() {
        var writer = ProtoWriter()
        writer.write(1, string: "not a number")
        let body = writer.bytes
        #expect(throws: FormatError.self) {
            try body.withUnsafeBytes { try FormatInfo(body: $0, context: "format_info") }
        }
    }
}
