/// Ids the store mints: UUIDv7 (RFC 9562) in lowercase text, so keys minted later sort later and new
/// records append at the end of the B-tree.
public enum RecordID {
    /// A new UUIDv7 for `time` (microseconds since the Unix epoch).
    public static func mint(at time: Int64) -> String {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, time / 1_000))
        let random = generator.next() as UInt64
        let high = (milliseconds << 16) | 0x7000 | (random & 0x0FFF)
        let low = ((generator.next() as UInt64) & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let hex =
            Hex.encode((0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64($0))) })
            + Hex.encode((0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64($0))) })
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}
