/// What a path looked like when it was last hashed (record kind 18). Schema: `StatCacheEntry` in
/// `Formats/lineagestore.proto`.
public struct StatCacheRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.statCache
    public static let schemaVersion: UInt16 = 1

    /// The absolute path (field 1).
    public var path: String = ""
    /// The size in bytes (field 2).
    public var size: UInt64 = 0
    /// The modification time in nanoseconds since the Unix epoch (field 3).
    public var modifiedAtNanoseconds: Int64 = 0
    /// The inode number (field 4).
    public var inode: UInt64 = 0
    /// The device number (field 5).
    public var device: UInt64 = 0
    /// The SHA-256 digest, or empty when only XXH3-128 was computed (field 6).
    public var sha256: [UInt8] = []
    /// The XXH3-128 canonical bytes (field 7).
    public var xxh3: [UInt8] = []
    /// When the digests were computed (field 8).
    public var hashedAt: Int64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<StatCacheRecord>] = [
        .string(1, "path", \.path),
        .uint64(2, "size", \.size),
        .int64(3, "modified_at_ns", \.modifiedAtNanoseconds),
        .uint64(4, "inode", \.inode),
        .uint64(5, "device", \.device),
        .bytes(6, "sha256", \.sha256),
        .bytes(7, "xxh3_128", \.xxh3),
        .timestamp(8, "hashed_at", \.hashedAt),
    ]

    public var primaryKey: [TupleElement] { [.hashed(path)] }
}
