/// One distinct file content (record kind 16), keyed by its SHA-256. Schema: `Content` in
/// `Formats/lineagestore.proto`.
public struct ContentRecord: RecordCodable, StoredRecord, Equatable {
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

    public func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, bytes: sha256)
        writer.write(2, bytes: xxh3)
        writer.write(3, uint64: size)
        writer.write(4, sfixed64: firstSeenAt)
        writer.write(5, sfixed64: lastSeenAt)
        writer.write(6, uint64: seenCount)
    }

    public mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: sha256 = try field.bytes(context)
        case 2: xxh3 = try field.bytes(context)
        case 3: size = try field.uint64(context)
        case 4: firstSeenAt = try field.sfixed64(context)
        case 5: lastSeenAt = try field.sfixed64(context)
        case 6: seenCount = try field.uint64(context)
        default: return false
        }
        return true
    }

    public var primaryKey: [TupleElement] { [.bytes(sha256)] }

    public static let indexes: [IndexDefinition<ContentRecord>] = [
        .single(.contentByXXH3, arity: 1) { [.bytes($0.xxh3)] }
    ]
}
