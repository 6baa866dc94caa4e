// How ImportRowRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto into Generated/ImportRowRecord.generated.swift.
extension ImportRowRecord: StoredRecord {
    public static let kind = RecordKind.importRow
    public static let schemaVersion: UInt16 = 1

    public var primaryKey: [TupleElement] { [.string(importID), .int(Int64(sequence))] }

    public static let indexes: [IndexDefinition<ImportRowRecord>] = [
        IndexDefinition(.importRowsByTableRow, .field(\.tableName), .hashed(\.rowKey))
    ]
}
