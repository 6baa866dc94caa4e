import Foundation
import LineageFormat
import TestSupport
import Testing

/// The store's JSON writer and encoder against `JSONEncoder` on random documents — the same bytes where
/// `JSONEncoder` is exact — and on what it is not exact for: keys equal as Unicode text.
@Suite struct JSONValueWritingTests {
    /// A random JSON value of at most `depth` levels, with strings that need escaping and keys that sort.
    static func randomValue(_ generator: inout SeededGenerator, depth: Int) -> JSONValue {
        let strings = [
            "", "plain", "quote\"d", "back\\slash", "new\nline", "tab\t", "\u{01}ctl", "é ü 日本", "a/b", "\u{7F}",
        ]
        switch Int.random(in: 0..<(depth > 0 ? 8 : 6), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .integer(Int64.random(in: Int64.min...Int64.max, using: &generator))
        case 3: return .unsigned(UInt64.random(in: UInt64(Int64.max) + 1...UInt64.max, using: &generator))
        case 4, 5: return .string(strings.randomElement(using: &generator)!)
        case 6:
            return .array(
                (0..<Int.random(in: 0..<4, using: &generator)).map { _ in
                    randomValue(&generator, depth: depth - 1)
                })
        default:
            var members = JSONObject()
            for _ in 0..<Int.random(in: 0..<5, using: &generator) {
                members[strings.randomElement(using: &generator)! + "\(Int.random(in: 0..<3, using: &generator))"] =
                    randomValue(&generator, depth: depth - 1)
            }
            return .object(members)
        }
    }

    @Test func theWriterMatchesJSONEncoderByteForByte() throws {
        var generator = SeededGenerator()
        let seed = generator.seed
        print("JSONValueWritingTests seed \(seed) (replay with LINEAGE_TEST_SEED)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for round in 0..<2_000 {
            let value = Self.randomValue(&generator, depth: 4)
            let expected = try encoder.encode(value)
            #expect(value.jsonBytes == Array(expected), "seed \(seed), round \(round)")
        }
    }

    /// An `Encodable` value with nested keyed, unkeyed and single-value containers and optionals.
    struct Sample: Encodable {
        struct Inner: Encodable {
            var name: String
            var counts: [String: Int]
            var ratio: Double?
        }
        var id: String
        var inner: [Inner]
        var flags: [Bool]
        var big: UInt64
        var small: Int8
        var value: JSONValue
        var missing: String? = nil
    }

    @Test func theEncoderMatchesJSONEncoderByteForByte() throws {
        var generator = SeededGenerator()
        let seed = generator.seed
        print("JSONValueWritingTests encoder seed \(seed) (replay with LINEAGE_TEST_SEED)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for round in 0..<500 {
            let inner = (0..<Int.random(in: 0..<3, using: &generator)).map { index in
                Sample.Inner(
                    name: "n/\(index)", counts: ["b": index, "a\"": -index],
                    ratio: Bool.random(using: &generator) ? Double(index) * 1.5 : nil)
            }
            let sample = Sample(
                id: "id-\(round)", inner: inner, flags: [true, false], big: UInt64.max - UInt64(round),
                small: Int8(truncatingIfNeeded: round), value: Self.randomValue(&generator, depth: 3))
            let expected = try encoder.encode(sample)
            #expect(try JSONValue(encoding: sample).jsonBytes == Array(expected), "seed \(seed), round \(round)")
        }
    }

    /// Keys equal as Unicode text but spelled differently are two members, written in the order of their bytes;
    /// `JSONEncoder` would have kept one.
    @Test func keysEqualAsUnicodeTextStayApart() throws {
        let (composed, decomposed) = ("caf\u{E9}", "cafe\u{301}")
        var object = JSONObject()
        object[composed] = 1
        object[decomposed] = 2
        object[composed] = 3
        #expect(object.count == 2, "setting a key replaces only the member with the same bytes")
        let text = JSONValue.object(object).jsonText()
        #expect(text == #"{"cafe\#u{301}":2,"caf\#u{E9}":3}"#, "sorted by bytes: 0x65 0xCC before 0xC3")
        struct Counts: Encodable { var counts: JSONValue }
        #expect(try JSONValue(encoding: Counts(counts: .object(object))).jsonText() == #"{"counts":\#(text)}"#)
        #expect(try JSONScanner.value(Array(text.utf8)) == .object(object), "the parser keeps both too")
    }

    @Test func prettyTextReadsBackAsTheCompactText() throws {
        var generator = SeededGenerator()
        let seed = generator.seed
        for round in 0..<300 {
            let value = Self.randomValue(&generator, depth: 4)
            let pretty = value.jsonText(pretty: true)
            #expect(try JSONScanner.value(Array(pretty.utf8)) == value, "seed \(seed), round \(round)")
        }
        let nested: JSONValue = ["a": [1, [:], []], "b": "x"]
        #expect(nested.jsonText(pretty: true) == "{\n  \"a\": [\n    1,\n    {},\n    []\n  ],\n  \"b\": \"x\"\n}")
    }

    @Test func doublesAreWrittenAsNumbersThatReadBackExactly() throws {
        for value in [0.5, -1.25, 1e-7, 123_456_789.125, 1e300, Double.leastNonzeroMagnitude] {
            let text = String(decoding: JSONValue.array([.double(value)]).jsonBytes, as: UTF8.self)
            let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Double]
            #expect(parsed == [value], "\(text)")
        }
        #expect(JSONValue.double(.infinity).jsonBytes == Array("null".utf8))
        #expect(JSONValue.array([.double(3), .double(-0.5), .double(1e20)]).jsonText() == "[3,-0.5,1e+20]")
    }
}
