// How DocumentStageRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension DocumentStageRecord: StoredRecord {
    package static let kind = RecordKind.documentStage
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(documentID), .string(stage)] }

    package var references: [RecordReference] {
        [
            RecordReference(Self.fieldName(\.documentID), DocumentRecord.self, [.string(documentID)]),
            RecordReference(Self.fieldName(\.stage), StageDefinitionRecord.self, [.string(stage)]),
        ]
    }

    package static let indexes: [IndexDefinition<DocumentStageRecord>] = [
        IndexDefinition(.documentStagesByStatus, .field(\.stage), .field(\.status))
    ]
}
