// How SightingRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension SightingRecord: StoredRecord {
    package static let kind = RecordKind.sighting
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.bytes(sha256), .hashed(location)] }

    package var references: [RecordReference] {
        [RecordReference(Self.fieldName(\.sha256), ContentRecord.self, [.bytes(sha256)])]
    }

    package var recordViolation: String? { RecordChecks.digest(Self.fieldName(\.sha256), sha256, length: 32) }
}
