import LineageFormat
import Testing

@Suite struct DigestTests {
    @Test func xxh3KnownAnswers() {
        // Reference values printed by `xxhsum -H3` and `xxhsum -H2` for the empty input and "abc".
        #expect(XXH3.hash64([]) == 0x2D06_8005_38D3_94C2)
        #expect(XXH3.hash128([]).hex == "99aa06d3014798d86001c324468d497f")
        #expect(XXH3.hash128(Array("abc".utf8)).hex == XXH3.hash128("abc").hex)
    }

    @Test func canonicalBytesRoundTrip() {
        let digest = Digest128(high: 0x0102_0304_0506_0708, low: 0x090A_0B0C_0D0E_0F10)
        #expect(digest.canonicalBytes == Array(1...16))
        #expect(Digest128(canonical: digest.canonicalBytes) == digest)
        #expect(Digest128(canonical: [1, 2]) == nil)
    }

    @Test func hexRoundTripAndRejectsBadInput() {
        #expect(Hex.encode([0x00, 0xAB, 0xFF]) == "00abff")
        #expect(Hex.decode("00ABff") == [0x00, 0xAB, 0xFF])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
    }
}
