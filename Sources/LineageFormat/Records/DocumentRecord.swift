// How DocumentRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto into Generated/DocumentRecord.generated.swift.
extension DocumentRecord: StoredRecord {
    public static let kind = RecordKind.document
    public static let schemaVersion: UInt16 = 1

    public var primaryKey: [TupleElement] { [.string(id)] }
}
