import CXXHash

/// One-shot XXH3 digests (libxxhash), used for record checksums and hashed index keys.
public enum XXH3 {
    /// The 64-bit XXH3 digest of `bytes`, seed 0.
    public static func hash64(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        XXH3_64bits(bytes.baseAddress, bytes.count)
    }

    /// The 64-bit XXH3 digest of `bytes`, seed 0.
    public static func hash64(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash64($0) }
    }

    /// The 128-bit XXH3 digest of `bytes`, seed 0.
    public static func hash128(_ bytes: UnsafeRawBufferPointer) -> Digest128 {
        let hash = XXH3_128bits(bytes.baseAddress, bytes.count)
        return Digest128(high: hash.high64, low: hash.low64)
    }

    /// The 128-bit XXH3 digest of `bytes`, seed 0.
    public static func hash128(_ bytes: [UInt8]) -> Digest128 {
        bytes.withUnsafeBytes { hash128($0) }
    }

    /// The 128-bit XXH3 digest of the UTF-8 bytes of `text`.
    public static func hash128(_ text: String) -> Digest128 {
        var text = text
        return text.withUTF8 { hash128(UnsafeRawBufferPointer($0)) }
    }
}

/// A 128-bit digest. Its canonical bytes are `high` then `low`, each big-endian — the order in which
/// `xxhsum -H2` prints XXH3-128.
public struct Digest128: Hashable, Sendable, CustomStringConvertible {
    /// The high 64 bits.
    public var high: UInt64
    /// The low 64 bits.
    public var low: UInt64

    /// Creates a digest from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Creates a digest from its 16 canonical bytes; `nil` unless `bytes` has exactly 16.
    public init?(canonical bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        self.init(high: high, low: low)
    }

    /// The 16 canonical bytes.
    public var canonicalBytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    }

    /// Lowercase hexadecimal of the canonical bytes, as `xxhsum -H2` prints it.
    public var hex: String { Hex.encode(canonicalBytes) }

    public var description: String { hex }
}
