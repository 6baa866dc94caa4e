/// One distinct file content (record kind 16), keyed by its SHA-256. Schema: `Content` in
/// `Formats/lineagestore.proto`.
public struct ContentRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.content
    public static let schemaVersion: UInt16 = 1

    /// The 32-byte SHA-256 digest (field 1).
    public var sha256: [UInt8] = []
    /// The 16 canonical bytes of the XXH3-128 digest (field 2).
    public var xxh3: [UInt8] = []
    /// The content's size in bytes (field 3).
    public var size: UInt64 = 0
    /// When it was first seen, microseconds since the Unix epoch (field 4).
    public var firstSeenAt: Int64 = 0
    /// When it was last seen (field 5).
    public var lastSeenAt: Int64 = 0
    /// How many sightings were recorded, all locations together (field 6).
    public var seenCount: UInt64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<ContentRecord>] = [
        .bytes(1, "sha256", \.sha256),
        .bytes(2, "xxh3_128", \.xxh3),
        .uint64(3, "size", \.size),
        .timestamp(4, "first_seen_at", \.firstSeenAt),
        .timestamp(5, "last_seen_at", \.lastSeenAt),
        .uint64(6, "seen_count", \.seenCount),
    ]

    public var primaryKey: [TupleElement] { [.bytes(sha256)] }

    public static let indexes: [IndexDefinition<ContentRecord>] = [
        .single(.contentByXXH3, arity: 1) { [.bytes($0.xxh3)] }
    ]
}
