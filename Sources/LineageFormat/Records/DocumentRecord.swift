// How DocumentRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension DocumentRecord: StoredRecord {
    package static let kind = RecordKind.document
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(id)] }
}
