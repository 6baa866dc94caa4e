/// A document's status at one stage.
public struct StageStatus: Vocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Not started.
    public static let pending: StageStatus = "pending"
    /// Running.
    public static let inProgress: StageStatus = "in_progress"
    /// Finished successfully.
    public static let completed: StageStatus = "completed"
    /// The last run failed.
    public static let failed: StageStatus = "failed"
    /// Skipped (optional stages only).
    public static let skipped: StageStatus = "skipped"
    /// The statuses this version names.
    public static let known: [StageStatus] = [.pending, .inProgress, .completed, .failed, .skipped]
}

// How DocumentStageRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension DocumentStageRecord: StoredRecord {
    package static let kind = RecordKind.documentStage
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(documentID), .string(stage)] }

    package static let indexes: [IndexDefinition<DocumentStageRecord>] = [
        IndexDefinition(.documentStagesByStatus, .field(\.stage), .field(\.status))
    ]
}
