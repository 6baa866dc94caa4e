/// A row an import wrote (record kind 8; schema `ImportRow`), for row-level lineage and rollback.
/// Key: `(8, import id, sequence)`.
public struct ImportRowRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.importRow
    public static let schemaVersion: UInt16 = 1

    /// The import that wrote the row.
    public var importID = ""
    /// The row's position among the import's recorded rows, from 0.
    public var sequence: UInt64 = 0
    /// The table the row is in.
    public var tableName = ""
    /// The row's key in that table (its primary key, as text).
    public var rowKey = ""
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<ImportRowRecord>] = [
        .string(1, "import_id", \.importID),
        .uint64(2, "sequence", \.sequence),
        .string(3, "table_name", \.tableName),
        .string(4, "row_key", \.rowKey),
    ]

    public var primaryKey: [TupleElement] { [.string(importID), .int(Int64(sequence))] }

    public static let indexes: [IndexDefinition<ImportRowRecord>] = [
        .single(.importRowsByTableRow, arity: 2) { [.string($0.tableName), .hashed($0.rowKey)] }
    ]
}
