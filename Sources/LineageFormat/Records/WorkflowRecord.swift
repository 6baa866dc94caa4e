/// A document's workflow summary (record kind 13; schema `Workflow`). Key: `(13, document)`.
public struct WorkflowRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.workflow
    public static let schemaVersion: UInt16 = 1

    /// The document.
    public var documentID = ""
    /// The workflow type, e.g. `default`.
    public var workflowType = ""
    /// Stages defined for the document.
    public var totalStages: UInt64 = 0
    /// Stages completed or skipped.
    public var completedStages: UInt64 = 0
    /// The stage running now, or the next to run; empty when all are done.
    public var currentStage = ""
    /// The workflow configuration, a JSON document (or empty).
    public var configuration = ""
    /// When it was created.
    public var createdAt: Int64 = 0
    /// When it last changed.
    public var updatedAt: Int64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<WorkflowRecord>] = [
        .string(1, "document_id", \.documentID),
        .string(2, "workflow_type", \.workflowType),
        .uint64(3, "total_stages", \.totalStages),
        .uint64(4, "completed_stages", \.completedStages),
        .string(5, "current_stage", \.currentStage),
        .json(6, "configuration", \.configuration),
        .timestamp(7, "created_at", \.createdAt),
        .timestamp(8, "updated_at", \.updatedAt),
    ]

    public var primaryKey: [TupleElement] { [.string(documentID)] }
}
