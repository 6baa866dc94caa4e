import Foundation
import LineageFormat
import TestSupport
import Testing

/// Property tests over random tuples: byte order is tuple order, decoding inverts encoding, and a tuple's
/// encoding is a prefix of every extension's.
@Suite struct TuplePropertyTests {
    static let cases = 2_000

    static func randomElement(_ rng: inout SeededGenerator, depth: Int = 0) -> TupleElement {
        switch Int.random(in: 0..<(depth < 2 ? 9 : 8), using: &rng) {
        case 0: return .null
        case 1:
            return .bytes(
                (0..<Int.random(in: 0..<6, using: &rng)).map { _ in [0, 0xFF, 1, 0x7F].randomElement(using: &rng)! })
        case 2:
            let alphabet: [Character] = ["a", "b", "\0", "é", "z", "☕"]
            return .string(
                String((0..<Int.random(in: 0..<5, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
        case 3:
            let specials: [Int64] = [0, 1, -1, 255, 256, -255, -256, .max, .min, .min + 1, .max - 1]
            return .int(
                Bool.random(using: &rng)
                    ? specials.randomElement(using: &rng)!
                    : Int64.random(in: .min ... .max, using: &rng) >> Int64.random(in: 0...63, using: &rng))
        case 4:
            let specials: [Double] = [
                0, -0.0, .infinity, -.infinity, .nan, -Double.nan, .leastNonzeroMagnitude, -.greatestFiniteMagnitude,
                1.5,
            ]
            return .double(
                Bool.random(using: &rng) ? specials.randomElement(using: &rng)! : Double(bitPattern: rng.next()))
        case 5: return .bool(Bool.random(using: &rng))
        case 6:
            var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if Bool.random(using: &rng) { bytes[0] = 0 }
            return .uuid(
                UUID(
                    uuid: (
                        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
                        bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
                    )))
        case 7: return .int(Int64.random(in: -300...300, using: &rng))
        default: return .tuple(randomTuple(&rng, depth: depth + 1))
        }
    }

    static func randomTuple(_ rng: inout SeededGenerator, depth: Int = 0) -> [TupleElement] {
        (0..<Int.random(in: 0..<4, using: &rng)).map { _ in randomElement(&rng, depth: depth) }
    }

    @Test func decodeInvertsEncode() throws {
        var rng = SeededGenerator()
        for index in 0..<Self.cases {
            let tuple = Self.randomTuple(&rng)
            let decoded = try TupleCodec.decode(TupleCodec.encode(tuple))
            #expect(decoded == tuple, "seed \(rng.seed), case \(index): \(tuple)")
        }
    }

    @Test func byteOrderIsTupleOrder() {
        var rng = SeededGenerator()
        for index in 0..<Self.cases {
            let a = Self.randomTuple(&rng)
            let b = Bool.random(using: &rng) ? a + Self.randomTuple(&rng) : Self.randomTuple(&rng)
            let byteOrder = TupleCodec.encode(a).lexicographicallyPrecedes(TupleCodec.encode(b))
            let tupleOrder = a.lexicographicallyPrecedes(b)
            #expect(byteOrder == tupleOrder, "seed \(rng.seed), case \(index): \(a) vs \(b)")
            #expect((TupleCodec.encode(a) == TupleCodec.encode(b)) == (a == b), "seed \(rng.seed), case \(index)")
        }
    }

    @Test func encodingIsPrefixOfEveryExtension() {
        var rng = SeededGenerator()
        for index in 0..<Self.cases {
            let prefix = Self.randomTuple(&rng)
            let extended = prefix + [Self.randomElement(&rng)] + Self.randomTuple(&rng)
            let short = TupleCodec.encode(prefix)
            let long = TupleCodec.encode(extended)
            #expect(
                Array(long.prefix(short.count)) == short, "seed \(rng.seed), case \(index): \(prefix) / \(extended)")
        }
    }
}
