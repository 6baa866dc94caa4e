// How StageOutputRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto into Generated/StageOutputRecord.generated.swift.
extension StageOutputRecord: StoredRecord {
    public static let kind = RecordKind.stageOutput
    public static let schemaVersion: UInt16 = 1

    public var primaryKey: [TupleElement] { [.string(documentID), .string(stage), .hashed(path)] }
}
