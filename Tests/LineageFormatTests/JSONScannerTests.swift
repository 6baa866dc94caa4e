import Foundation
import LineageFormat
import TestSupport
import Testing

/// ``JSONScanner``: it accepts exactly RFC 8259 JSON, agrees with `JSONSerialization` on random documents
/// and their corruptions, converts numbers exactly and keeps documents in their compact form.
@Suite struct JSONScannerTests {
    /// Runs `body` on a scanner over `text`'s UTF-8 bytes.
    static func scan<T>(_ text: [UInt8], _ body: (inout JSONScanner) throws -> T) throws -> T {
        try text.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            return try body(&scanner)
        }
    }

    /// Whether `text` is one well-formed JSON value.
    static func accepts(_ text: [UInt8]) -> Bool {
        (try? scan(text) { scanner -> Bool in
            try scanner.skipValue()
            try scanner.end()
            return true
        }) == true
    }

    /// A random JSON document, written with random whitespace, and its compact form.
    static func randomDocument(_ rng: inout SeededGenerator, depth: Int = 0) -> (spaced: String, compact: String) {
        func space() -> String { ["", " ", "\n", "\t ", "\r\n"].randomElement(using: &rng)! }
        switch Int.random(in: 0..<(depth < 4 ? 8 : 6), using: &rng) {
        case 0: return ("null", "null")
        case 1: let word = Bool.random(using: &rng) ? "true" : "false"; return (word, word)
        case 2:
            let number = [
                "0", "-0", "17", "-9223372036854775808", "18446744073709551615", "1.5", "-2e10", "3E+2",
                "0.25e-3", String(Int64.random(in: .min ... .max, using: &rng)),
            ].randomElement(using: &rng)!
            return (number, number)
        case 3, 4:
            let pieces = [
                "a", "é", "e\u{301}", "☕", "\\n", "\\\"", "\\\\", "\\u00e9", "\\ud83d\\ude00", " ", "/", "\\/",
            ]
            let text =
                "\""
                + (0..<Int.random(in: 0..<5, using: &rng)).map { _ in
                    pieces.randomElement(using: &rng)!
                }.joined() + "\""
            return (text, text)
        case 5: return ("{}", "{}")
        case 6:
            let members = (0..<Int.random(in: 1..<4, using: &rng)).map { index in
                (key: "\"k\(index)\"", value: randomDocument(&rng, depth: depth + 1))
            }
            return (
                "{"
                    + members.map { space() + $0.key + space() + ":" + space() + $0.value.spaced + space() }
                    .joined(separator: ",") + "}",
                "{" + members.map { $0.key + ":" + $0.value.compact }.joined(separator: ",") + "}"
            )
        default:
            let elements = (0..<Int.random(in: 0..<4, using: &rng)).map { _ in randomDocument(&rng, depth: depth + 1) }
            return (
                "[" + space() + elements.map { $0.spaced + space() }.joined(separator: "," + space()) + "]",
                "[" + elements.map(\.compact).joined(separator: ",") + "]"
            )
        }
    }

    @Test func randomDocumentsAreAcceptedAndCompactedAsWritten() throws {
        var rng = SeededGenerator()
        for index in 0..<2_000 {
            let document = Self.randomDocument(&rng)
            let bytes = Array(document.spaced.utf8)
            let compact = try Self.scan(bytes) { scanner in
                let text = try scanner.compactValue()
                try scanner.end()
                return text
            }
            #expect(compact == document.compact, "seed \(rng.seed), case \(index): \(document.spaced)")
            #expect(
                (try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)) != nil,
                "seed \(rng.seed), case \(index): the reference parser refuses \(document.spaced)")
        }
    }

    @Test func corruptedDocumentsAreJudgedLikeTheReferenceParser() throws {
        var rng = SeededGenerator()
        let noise: [UInt8] = Array(#"{}[],:"\ -.eE0129tfnulx"#.utf8) + [0x00, 0x01, 0x7F, 0xC3, 0xFF]
        for index in 0..<5_000 {
            var bytes = Array(Self.randomDocument(&rng).spaced.utf8)
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0...bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.insert(noise.randomElement(using: &rng)!, at: at)
                case 1 where at < bytes.count: bytes.remove(at: at)
                default: if at < bytes.count { bytes[at] = noise.randomElement(using: &rng)! }
                }
            }
            let reference = (try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)) != nil
            let text = String(decoding: bytes, as: UTF8.self)
            // The reference parser also takes trailing commas and NUL bytes, which RFC 8259 does not.
            let lenient = bytes.contains(0) || text.contains(/,\s*[}\]]/)
            #expect(
                Self.accepts(bytes) == reference || (reference && lenient),
                "seed \(rng.seed), case \(index): \(text.debugDescription)")
        }
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "[,1]", #"{"a":1,}"#, #"{"a" 1}"#, #"{"a":}"#, #"{1:2}"#, "01", "1.", ".5", "-",
        "1e", "+1", "tru", "nul", "\"abc", "\"\u{01}\"", #""\x""#, #""\u12""#, #""\ud800""#, #""\udc00x""#,
        "[1] 2", "{}{}", "1e400", "-1e400", "[1,\u{0}2]",
    ])
    func malformedTextIsRefused(text: String) {
        #expect(!Self.accepts(Array(text.utf8)))
        #expect((try? JSONScanner.foundationValue(Array(text.utf8))) == nil, "foundationValue refuses it too")
    }

    @Test func invalidUTF8AndDeepNestingAreRefused() {
        #expect(!Self.accepts([0x22, 0xFF, 0x22]))
        #expect(!Self.accepts([0x22, 0xC3, 0x22]))
        #expect(!Self.accepts([0x22, 0xED, 0xA0, 0x80, 0x22]), "an encoded surrogate")
        let depth = JSONScanner.maxDepth
        #expect(Self.accepts(Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)))
        #expect(
            !Self.accepts(
                Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)),
            "refused, without exhausting the stack")
        let deep = { (levels: Int) in
            Array((String(repeating: "[", count: levels) + String(repeating: "]", count: levels)).utf8)
        }
        #expect((try? JSONScanner.foundationValue(deep(depth))) != nil)
        #expect((try? JSONScanner.foundationValue(deep(depth + 1))) == nil)
        #expect((try? JSONScanner.foundationValue(deep(100_000))) == nil, "refused, without exhausting the stack")
    }

    @Test func foundationValuesReadNumbersExactly() throws {
        let object = try #require(
            try JSONScanner.foundationValue(
                Array(#"{"d":2.0924533037294956e-110,"i":-7,"u":18446744073709551615,"b":true,"n":null}"#.utf8))
                as? [String: Any])
        #expect((object["d"] as? NSNumber)?.doubleValue == 2.0924533037294956e-110)
        #expect((object["i"] as? NSNumber)?.int64Value == -7)
        #expect((object["u"] as? NSNumber)?.uint64Value == .max)
        #expect((object["b"] as? NSNumber)?.boolValue == true && object["n"] is NSNull)
    }

    @Test func stringsAreUnescapedToTheirExactScalars() throws {
        let text = try Self.scan(Array(#""caf\u00e9 cafe\u0301 \ud83d\ude00 \"\\\/\b\f\n\r\t""#.utf8)) {
            try $0.string()
        }
        #expect(Array(text.utf8) == Array("café cafe\u{301} 😀 \"\\/\u{8}\u{C}\n\r\t".utf8))
    }

    @Test func numbersConvertExactlyOrNotAtAll() throws {
        func number(_ text: String) throws -> JSONScanner.Number.Values {
            try Self.scan(Array(text.utf8)) { scanner in
                let number = try scanner.number()
                return .init(int64: number.int64, uint64: number.uint64)
            }
        }
        #expect(try number("0") == .init(int64: 0, uint64: 0))
        #expect(try number("-0") == .init(int64: 0, uint64: 0))
        #expect(try number("-9223372036854775808") == .init(int64: .min, uint64: nil))
        #expect(try number("-9223372036854775809") == .init(int64: nil, uint64: nil))
        #expect(try number("9223372036854775807") == .init(int64: .max, uint64: UInt64(Int64.max)))
        #expect(try number("9223372036854775808") == .init(int64: nil, uint64: 1 << 63))
        #expect(try number("18446744073709551615") == .init(int64: nil, uint64: .max))
        #expect(try number("18446744073709551616") == .init(int64: nil, uint64: nil))
        #expect(try number("2.0") == .init(int64: 2, uint64: 2))
        #expect(try number("1e3") == .init(int64: 1_000, uint64: 1_000))
        #expect(try number("-1.5") == .init(int64: nil, uint64: nil))
        #expect(try number("1e300") == .init(int64: nil, uint64: nil))
    }
}

extension JSONScanner.Number {
    /// Both exact conversions, for comparison in tests.
    struct Values: Equatable {
        let int64: Int64?
        let uint64: UInt64?
    }
}
