import Foundation
import LineageFormat
import TestSupport
import Testing

/// The direct JSON writer against `JSONEncoder` on random documents: the same bytes.
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
            var members: [String: JSONValue] = [:]
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

    @Test func doublesAreWrittenAsNumbersThatReadBackExactly() throws {
        for value in [0.5, -1.25, 1e-7, 123_456_789.125, 1e300, Double.leastNonzeroMagnitude] {
            let text = String(decoding: JSONValue.array([.double(value)]).jsonBytes, as: UTF8.self)
            let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Double]
            #expect(parsed == [value], "\(text)")
        }
        #expect(JSONValue.double(.infinity).jsonBytes == Array("null".utf8))
    }
}
