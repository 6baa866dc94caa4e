import LineageFormat

/// The digests of one input, spelled as the standard tools print them.
public struct FileDigests: Sendable, Hashable {
    /// The input's size in bytes.
    public var size: UInt64
    /// The 32-byte SHA-256, or `nil` when only XXH3-128 was asked for.
    public var sha256: [UInt8]?
    /// The XXH3-128 digest.
    public var xxh3: Digest128

    /// Creates digests from their parts.
    public init(size: UInt64, sha256: [UInt8]?, xxh3: Digest128) {
        self.size = size
        self.sha256 = sha256
        self.xxh3 = xxh3
    }

    /// The SHA-256 as `sha256sum` prints it.
    public var sha256Hex: String? { sha256.map(Hex.encode) }
    /// The XXH3-128 as `xxhsum -H2` prints it.
    public var xxh3Hex: String { xxh3.hex }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a file looked like when it was hashed: the identity the stat cache compares.
public struct FileIdentity: Sendable, Hashable {
    /// Size in bytes.
    public var size: UInt64
    /// Modification time in nanoseconds since the Unix epoch.
    public var modifiedAtNanoseconds: Int64
    /// Inode number.
    public var inode: UInt64
    /// Device number.
    public var device: UInt64
    /// Status-change time (ctime) in nanoseconds since the Unix epoch: unlike the modification time, no
    /// caller can set it back, so a file rewritten with its size and mtime restored still differs.
    public var changedAtNanoseconds: Int64

    /// Creates an identity from its parts.
    public init(
        size: UInt64, modifiedAtNanoseconds: Int64, inode: UInt64, device: UInt64, changedAtNanoseconds: Int64
    ) {
        self.size = size
        self.modifiedAtNanoseconds = modifiedAtNanoseconds
        self.inode = inode
        self.device = device
        self.changedAtNanoseconds = changedAtNanoseconds
    }

    /// The identity in a `stat` result.
    init(_ info: stat) {
        self.init(
            size: UInt64(info.st_size), modifiedAtNanoseconds: Self.nanoseconds(info.st_mtim),
            inode: UInt64(info.st_ino), device: UInt64(info.st_dev),
            changedAtNanoseconds: Self.nanoseconds(info.st_ctim))
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec).multipliedReportingOverflow(by: 1_000_000_000).partialValue &+ Int64(time.tv_nsec)
    }
}
