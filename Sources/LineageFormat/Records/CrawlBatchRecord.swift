// How CrawlBatchRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension CrawlBatchRecord: StoredRecord {
    package static let kind = RecordKind.crawlBatch
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(userID), .int(Int64(truncatingIfNeeded: sequence))] }

    package var references: [RecordReference] {
        [RecordReference(Self.fieldName(\.userID), ScheduleRecord.self, [.string(userID)])]
    }

    package var recordViolation: String? {
        RecordChecks.first(
            sequence > UInt64(Int64.max) ? "sequence \(sequence) is beyond the largest key (\(Int64.max))" : nil,
            RecordChecks.duration(Self.fieldName(\.durationSeconds), durationSeconds))
    }
}
