// How SourceRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension SourceRecord: StoredRecord {
    package static let kind = RecordKind.source
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(userID), .string(id)] }
}
