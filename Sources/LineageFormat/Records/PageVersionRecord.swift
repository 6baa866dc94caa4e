// How PageVersionRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension PageVersionRecord: StoredRecord {
    package static let kind = RecordKind.pageVersion
    package static let schemaVersion: UInt16 = 1
    package static var database: RecordDatabase { .events }

    package var primaryKey: [TupleElement] { [.string(pageID), .int(Int64(truncatingIfNeeded: version))] }

    package var references: [RecordReference] {
        [RecordReference(Self.fieldName(\.pageID), PageRecord.self, [.string(pageID)])]
            + RecordReference.job(Self.fieldName(\.jobID), jobID)
    }

    package var recordViolation: String? {
        RecordChecks.first(
            version > UInt64(Int64.max) ? "version \(version) is beyond the largest key (\(Int64.max))" : nil,
            RecordChecks.digest(Self.fieldName(\.contentHash), contentHash, length: 16))
    }
}
