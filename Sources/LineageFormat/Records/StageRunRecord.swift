// How StageRunRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension StageRunRecord: StoredRecord {
    package static let kind = RecordKind.stageRun
    package static let schemaVersion: UInt16 = 1
    package static var database: RecordDatabase { .events }

    package var primaryKey: [TupleElement] { [.string(documentID), .int(Int64(truncatingIfNeeded: sequence))] }

    package var references: [RecordReference] {
        [
            RecordReference(Self.fieldName(\.documentID), DocumentRecord.self, [.string(documentID)]),
            RecordReference(Self.fieldName(\.stage), StageDefinitionRecord.self, [.string(stage)]),
        ]
    }

    package var recordViolation: String? {
        sequence > UInt64(Int64.max) ? "sequence \(sequence) is beyond the largest key (\(Int64.max))" : nil
    }
}
