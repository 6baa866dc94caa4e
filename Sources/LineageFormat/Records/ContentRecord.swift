// How ContentRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto into Generated/ContentRecord.generated.swift.
extension ContentRecord: StoredRecord {
    public static let kind = RecordKind.content
    public static let schemaVersion: UInt16 = 1

    public var primaryKey: [TupleElement] { [.bytes(sha256)] }

    public static let indexes: [IndexDefinition<ContentRecord>] = [
        IndexDefinition(.contentByXXH3, .field(\.xxh3))
    ]
}
