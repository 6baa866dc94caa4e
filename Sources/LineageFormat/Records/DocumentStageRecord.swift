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

/// A document's state at one stage (record kind 11; schema `DocumentStage`). Key: `(11, document, stage)`.
public struct DocumentStageRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.documentStage
    public static let schemaVersion: UInt16 = 1

    /// The document.
    public var documentID = ""
    /// The stage.
    public var stage = ""
    /// The status.
    public var status: StageStatus = ""
    /// When the current or last run started, or 0.
    public var startedAt: Int64 = 0
    /// When it completed, failed or was skipped, or 0.
    public var completedAt: Int64 = 0
    /// The last failure's message.
    public var errorMessage = ""
    /// How many times a failed run was retried.
    public var retryCount: UInt64 = 0
    /// When it last changed.
    public var updatedAt: Int64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<DocumentStageRecord>] = [
        .string(1, "document_id", \.documentID),
        .string(2, "stage", \.stage),
        .value(3, "status", \.status),
        .timestamp(4, "started_at", \.startedAt),
        .timestamp(5, "completed_at", \.completedAt),
        .string(6, "error_message", \.errorMessage),
        .uint64(7, "retry_count", \.retryCount),
        .timestamp(8, "updated_at", \.updatedAt),
    ]

    public var primaryKey: [TupleElement] { [.string(documentID), .string(stage)] }

    public static let indexes: [IndexDefinition<DocumentStageRecord>] = [
        .single(.documentStagesByStatus, arity: 2) { [.string($0.stage), .string($0.status.rawValue)] }
    ]
}
