/// A location where a content was seen (record kind 17). Schema: `Sighting` in `Formats/lineagestore.proto`.
public struct SightingRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.sighting
    public static let schemaVersion: UInt16 = 1

    /// The content's SHA-256 (field 1).
    public var sha256: [UInt8] = []
    /// The location: a file path, `import:ID`, or `stage_output:ID` (field 2).
    public var location: String = ""
    /// When it was first seen there (field 3).
    public var firstSeenAt: Int64 = 0
    /// When it was last seen there (field 4).
    public var lastSeenAt: Int64 = 0
    /// How many times it was seen there (field 5).
    public var count: UInt64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<SightingRecord>] = [
        .bytes(1, "sha256", \.sha256),
        .string(2, "location", \.location),
        .timestamp(3, "first_seen_at", \.firstSeenAt),
        .timestamp(4, "last_seen_at", \.lastSeenAt),
        .uint64(5, "count", \.count),
    ]

    public var primaryKey: [TupleElement] { [.bytes(sha256), .hashed(location)] }
}
