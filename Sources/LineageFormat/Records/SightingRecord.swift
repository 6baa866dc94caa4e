/// A location where a content was seen (record kind 17). Schema: `Sighting` in `Formats/lineagestore.proto`.
public struct SightingRecord: RecordCodable, StoredRecord, Equatable {
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

    public func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, bytes: sha256)
        writer.write(2, string: location)
        writer.write(3, sfixed64: firstSeenAt)
        writer.write(4, sfixed64: lastSeenAt)
        writer.write(5, uint64: count)
    }

    public mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: sha256 = try field.bytes(context)
        case 2: location = try field.string(context)
        case 3: firstSeenAt = try field.sfixed64(context)
        case 4: lastSeenAt = try field.sfixed64(context)
        case 5: count = try field.uint64(context)
        default: return false
        }
        return true
    }

    public var primaryKey: [TupleElement] { [.bytes(sha256), .hashed(location)] }
}
