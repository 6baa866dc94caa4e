extension ImportStatus {
    /// The statuses an import may be completed with.
    public static let completions: [ImportStatus] = [.success, .failed, .partial]
}

// How ImportRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension ImportRecord: StoredRecord {
    package static let kind = RecordKind.importRun
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(id)] }

    package var recordViolation: String? {
        RecordChecks.first(
            RecordChecks.duration(Self.fieldName(\.durationSeconds), durationSeconds),
            RecordChecks.duration(Self.fieldName(\.parsingDurationSeconds), parsingDurationSeconds),
            RecordChecks.duration(Self.fieldName(\.duplicateCheckDurationSeconds), duplicateCheckDurationSeconds),
            RecordChecks.duration(Self.fieldName(\.insertDurationSeconds), insertDurationSeconds))
    }

    package static let indexes: [IndexDefinition<ImportRecord>] = [
        IndexDefinition(.importsByStart, .field(\.startedAt)),
        IndexDefinition(.importsByTable, skipsEmpty: true, .field(\.tableName), .field(\.startedAt)),
        IndexDefinition(.importsByUser, skipsEmpty: true, .field(\.userID), .field(\.startedAt)),
        IndexDefinition(.importsByStatus, .field(\.status), .field(\.startedAt)),
        IndexDefinition(.importsByFileHash, skipsEmpty: true, .field(\.fileHash), .field(\.startedAt)),
    ]
}
