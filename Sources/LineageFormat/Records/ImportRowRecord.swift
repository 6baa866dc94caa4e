// How ImportRowRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension ImportRowRecord: StoredRecord {
    package static let kind = RecordKind.importRow
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(importID), .int(Int64(sequence))] }

    package static let indexes: [IndexDefinition<ImportRowRecord>] = [
        IndexDefinition(.importRowsByTableRow, .field(\.tableName), .hashed(\.rowKey))
    ]
}
