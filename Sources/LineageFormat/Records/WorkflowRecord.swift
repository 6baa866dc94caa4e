// How WorkflowRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension WorkflowRecord: StoredRecord {
    package static let kind = RecordKind.workflow
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(documentID)] }

    /// The `current_stage` of a workflow whose every stage is completed or skipped.
    public static let completedStage = "completed"

    package var references: [RecordReference] {
        [RecordReference(Self.fieldName(\.documentID), DocumentRecord.self, [.string(documentID)])]
    }

    package static let indexes: [IndexDefinition<WorkflowRecord>] = [
        IndexDefinition(.workflowsByStage, since: 8, .field(\.currentStage), .field(\.workflowType))
    ]

    package var recordViolation: String? {
        completedStages <= totalStages
            ? nil : "completed_stages \(completedStages) is more than total_stages \(totalStages)"
    }
}
