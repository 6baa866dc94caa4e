// How StageOutputRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension StageOutputRecord: StoredRecord {
    package static let kind = RecordKind.stageOutput
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(documentID), .string(stage), .hashed(path)] }

    package var references: [RecordReference] {
        [
            RecordReference(Self.fieldName(\.documentID), DocumentRecord.self, [.string(documentID)]),
            RecordReference(Self.fieldName(\.stage), StageDefinitionRecord.self, [.string(stage)]),
        ]
    }

    package static let indexes: [IndexDefinition<StageOutputRecord>] = [
        IndexDefinition(.stageOutputsByStage, since: 8, .field(\.stage), .field { $0.fileType ?? "" })
    ]

    package var recordViolation: String? {
        RecordChecks.first(
            RecordChecks.confinedPath(Self.fieldName(\.path), path),
            RecordChecks.digest(Self.fieldName(\.sha256), sha256, length: 32),
            RecordChecks.digest(Self.fieldName(\.xxh3), xxh3, length: 16))
    }
}
