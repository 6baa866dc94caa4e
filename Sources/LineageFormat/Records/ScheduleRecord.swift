/// A user's crawl schedule (record kind 5; schema `Schedule`; `user_crawl_schedule` in the seed design).
///
/// The seed's `is_crawling` flag is a lease here: `lease_owner` holds it from `lease_since` until
/// `lease_expires_at`, after which another crawler may take it over.
public struct ScheduleRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.schedule
    public static let schemaVersion: UInt16 = 1

    /// The user.
    public var userID = ""
    /// When the last batch crawl completed, or 0.
    public var lastBatchCrawlAt: Int64 = 0
    /// When the next batch crawl is due.
    public var nextScheduledCrawlAt: Int64 = 0
    /// Hours between batch crawls (new schedules get 24).
    public var frequencyHours: UInt64 = 0
    /// How long the last batch crawl took, in seconds.
    public var lastDurationSeconds: Double = 0
    /// Sources the last batch crawl crawled.
    public var sourcesCrawled: UInt64 = 0
    /// Sources the last batch crawl failed on.
    public var sourcesFailed: UInt64 = 0
    /// The crawler holding the lease, or empty when no batch crawl runs.
    public var leaseOwner = ""
    /// When the lease was taken.
    public var leaseSince: Int64 = 0
    /// When the lease lapses unless the batch completes first.
    public var leaseExpiresAt: Int64 = 0
    /// How the last batch crawl ended: `completed`, `failed`, `abandoned`, or empty.
    public var lastOutcome = ""
    /// The last batch crawl's failure message.
    public var lastError = ""
    /// How many times an expired lease was taken over.
    public var leaseRecoveries: UInt64 = 0
    /// When the schedule was created.
    public var createdAt: Int64 = 0
    /// When it last changed.
    public var updatedAt: Int64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

    /// Whether a batch crawl holds an unexpired lease at `time`.
    public func isCrawling(at time: Int64) -> Bool { !leaseOwner.isEmpty && leaseExpiresAt > time }

    public static let fields: [RecordField<ScheduleRecord>] = [
        .string(1, "user_id", \.userID),
        .timestamp(2, "last_batch_crawl_at", \.lastBatchCrawlAt),
        .timestamp(3, "next_scheduled_crawl_at", \.nextScheduledCrawlAt),
        .uint64(4, "frequency_hours", \.frequencyHours),
        .double(5, "last_duration_seconds", \.lastDurationSeconds),
        .uint64(6, "sources_crawled", \.sourcesCrawled),
        .uint64(7, "sources_failed", \.sourcesFailed),
        .string(8, "lease_owner", \.leaseOwner),
        .timestamp(9, "lease_since", \.leaseSince),
        .timestamp(10, "lease_expires_at", \.leaseExpiresAt),
        .string(11, "last_outcome", \.lastOutcome),
        .string(12, "last_error", \.lastError),
        .uint64(13, "lease_recoveries", \.leaseRecoveries),
        .timestamp(14, "created_at", \.createdAt),
        .timestamp(15, "updated_at", \.updatedAt),
    ]

    public var primaryKey: [TupleElement] { [.string(userID)] }

    public static let indexes: [IndexDefinition<ScheduleRecord>] = [
        .single(.schedulesByDue, arity: 1) { [.int($0.nextScheduledCrawlAt)] }
    ]
}
