// How ImportRowRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension ImportRowRecord: StoredRecord {
    package static let kind = RecordKind.importRow
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(importID), .int(Int64(truncatingIfNeeded: sequence))] }

    package var references: [RecordReference] {
        [RecordReference(Self.fieldName(\.importID), ImportRecord.self, [.string(importID)])]
    }

    package var recordViolation: String? {
        sequence > UInt64(Int64.max) ? "sequence \(sequence) is beyond the largest key (\(Int64.max))" : nil
    }

    package static let indexes: [IndexDefinition<ImportRowRecord>] = [
        IndexDefinition(.importRowsByTableRow, .field(\.tableName), .hashed(\.rowKey))
    ]
}
