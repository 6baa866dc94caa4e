// How StageOutputRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension StageOutputRecord: StoredRecord {
    package static let kind = RecordKind.stageOutput
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(documentID), .string(stage), .hashed(path)] }
}
