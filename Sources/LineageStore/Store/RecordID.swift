import LineageFormat
import Synchronization

/// Ids the store mints: UUIDv7 (RFC 9562) in lowercase text. Within a process, ids are strictly increasing
/// (a 42-bit counter, started at a random value each millisecond, fills `rand_a` and the top of `rand_b`),
/// so records minted later sort later and append at the end of the B-tree, even when the clock stands still.
public enum RecordID {
    private static let last = Mutex<(milliseconds: UInt64, counter: UInt64)>((0, 0))

    /// A new UUIDv7 for `time` (microseconds since the Unix epoch).
    public static func mint(at time: Int64) -> String {
        var generator = SystemRandomNumberGenerator()
        let (milliseconds, counter) = last.withLock { state in
            let now = UInt64(max(0, time / 1_000))
            if now > state.milliseconds {
                state = (now, generator.next() & ((1 << 41) - 1))
            } else {
                state.counter += 1
            }
            return state
        }
        let high = (milliseconds << 16) | 0x7000 | ((counter >> 30) & 0x0FFF)
        let low =
            0x8000_0000_0000_0000 | ((counter & 0x3FFF_FFFF) << 32) | (generator.next() & 0xFFFF_FFFF)
        return Hex.uuid((0..<16).map { UInt8(truncatingIfNeeded: ($0 < 8 ? high : low) >> (56 - 8 * UInt64($0 % 8))) })
    }
}
