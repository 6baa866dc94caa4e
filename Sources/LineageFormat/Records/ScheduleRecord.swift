// How ScheduleRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension ScheduleRecord: StoredRecord {
    package static let kind = RecordKind.schedule
    package static let schemaVersion: UInt16 = 1

    /// Whether a batch crawl holds an unexpired lease at `time`.
    public func isCrawling(at time: Int64) -> Bool { leaseOwner != nil && leaseExpiresAt > time }

    package var primaryKey: [TupleElement] { [.string(userID)] }

    package var recordViolation: String? {
        RecordChecks.first(
            frequencyHours == 0 ? "frequency_hours is 0; a schedule repeats at least every hour" : nil,
            RecordChecks.duration(Self.fieldName(\.lastDurationSeconds), lastDurationSeconds))
    }

    package static let indexes: [IndexDefinition<ScheduleRecord>] = [
        IndexDefinition(.schedulesByDue, .field(\.nextScheduledCrawlAt))
    ]
}
