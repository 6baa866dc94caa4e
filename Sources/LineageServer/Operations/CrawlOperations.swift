import LineageFormat
import LineageStore

/// Sets a user's crawl frequency, creating the schedule if needed (`POST /api/crawl/schedule`).
public struct SetSchedule: StoreOperation {
    /// The user.
    public var userID: String
    /// Hours between batch crawls (24 when absent).
    public var crawlFrequencyHours: Int?

    enum CodingKeys: String, CodingKey { case userID = "user_id", crawlFrequencyHours = "crawl_frequency_hours" }

    public func run(in context: WriteContext) throws -> Member<ScheduleRecord> {
        Member("schedule", try context.setSchedule(userID: userID, frequencyHours: crawlFrequencyHours ?? 24))
    }
}

/// Takes a user's batch-crawl lease to start a batch, refused with a conflict naming the holder while another
/// crawler's lease is live (`POST /api/crawl/trigger`, `lineage schedules trigger`); or, with ``renews``,
/// extends the owner's live lease (`POST /api/crawl/renew`).
public struct CrawlLease: StoreOperation {
    /// The user.
    public var userID: String
    /// The crawler taking or holding the lease.
    public var owner: String
    /// The lease length in seconds (an hour when absent).
    public var leaseSeconds: Double?
    /// Whether the owner extends its live lease instead of starting a batch (from the path).
    public var renews = false

    enum CodingKeys: String, CodingKey { case userID = "user_id", owner, leaseSeconds = "lease_seconds" }

    /// A lease for `userID` taken, or renewed, by `owner`.
    public init(userID: String, owner: String, leaseSeconds: Double? = nil, renews: Bool = false) {
        self.userID = userID
        self.owner = owner
        self.leaseSeconds = leaseSeconds
        self.renews = renews
    }

    public func run(in context: WriteContext) throws -> Member<ScheduleRecord> {
        let seconds = leaseSeconds ?? 3_600
        guard seconds.isFinite, seconds > 0, seconds <= 100 * 365.25 * 86_400 else {
            throw StoreError(
                .invalidInput, "field 'lease_seconds' must be a positive number of seconds, at most a century")
        }
        let lease = Int64(seconds * 1_000_000)
        return Member(
            "schedule",
            renews
                ? try context.renewBatchCrawl(userID: userID, owner: owner, lease: lease)
                : try context.startBatchCrawl(userID: userID, owner: owner, lease: lease))
    }
}

/// Ends a batch crawl without recording one: its owner abandons it, or an operator releases a stuck lease
/// without knowing its owner, which is recorded (`POST /api/crawl/release`, `lineage schedules release`).
public struct ReleaseCrawl: StoreOperation {
    /// The user.
    public var userID: String
    /// The lease's owner, abandoning it.
    public var owner: String?
    /// The operator releasing whatever lease is held.
    public var releasedBy: String?

    enum CodingKeys: String, CodingKey { case userID = "user_id", owner, releasedBy = "released_by" }

    /// A release by `owner` or, without one, by the operator `releasedBy`.
    public init(userID: String, owner: String?, releasedBy: String?) {
        self.userID = userID
        self.owner = owner
        self.releasedBy = releasedBy
    }

    public func run(in context: WriteContext) throws -> Member<ScheduleRecord> {
        switch (owner, releasedBy) {
        case (let owner?, nil): Member("schedule", try context.abandonBatchCrawl(userID: userID, owner: owner))
        case (nil, let releasedBy?): Member("schedule", try context.releaseBatchCrawl(userID: userID, by: releasedBy))
        default:
            throw StoreError(
                .invalidInput, "give 'owner' (the lease's holder) or 'released_by' (an operator), not both")
        }
    }
}

/// Completes a batch crawl (`POST /api/crawl/complete`, `lineage schedules complete`): the counts default to
/// the per-source results recorded during the batch, the duration to the lease's age.
public struct CompleteCrawl: StoreOperation {
    /// The user.
    public var userID: String
    /// The lease's owner.
    public var owner: String
    /// Sources crawled successfully, if the crawler counted them.
    public var sourcesCrawledCount: Int?
    /// Sources that failed, if the crawler counted them.
    public var sourcesFailedCount: Int?
    /// The duration the crawler measured, in seconds.
    public var durationSeconds: Double?

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", owner, sourcesCrawledCount = "sources_crawled_count",
            sourcesFailedCount = "sources_failed_count", durationSeconds = "duration_seconds"
    }

    /// Completes `owner`'s batch for `userID`.
    public init(
        userID: String, owner: String, sourcesCrawledCount: Int? = nil, sourcesFailedCount: Int? = nil,
        durationSeconds: Double? = nil
    ) {
        self.userID = userID
        self.owner = owner
        self.sourcesCrawledCount = sourcesCrawledCount
        self.sourcesFailedCount = sourcesFailedCount
        self.durationSeconds = durationSeconds
    }

    public func run(in context: WriteContext) throws -> Member<ScheduleRecord> {
        Member(
            "schedule",
            try context.completeBatchCrawl(
                userID: userID, owner: owner, sourcesCrawled: sourcesCrawledCount, sourcesFailed: sourcesFailedCount,
                durationSeconds: durationSeconds))
    }
}

/// Fails a batch crawl (`POST /api/crawl/fail`, `lineage schedules fail`).
public struct FailCrawl: StoreOperation {
    /// The user.
    public var userID: String
    /// The lease's owner.
    public var owner: String
    /// Why it failed.
    public var error: String

    enum CodingKeys: String, CodingKey { case userID = "user_id", owner, error }

    /// Fails `owner`'s batch for `userID` with `error`.
    public init(userID: String, owner: String, error: String) {
        self.userID = userID
        self.owner = owner
        self.error = error
    }

    public func run(in context: WriteContext) throws -> Member<ScheduleRecord> {
        Member("schedule", try context.failBatchCrawl(userID: userID, owner: owner, error: error))
    }
}

/// Records one source's crawl (`POST /api/crawl/sources/{id}/result`).
public struct RecordSourceResult: StoreOperation {
    /// The source (from the path).
    public var sourceID = ""
    /// Its user.
    public var userID: String
    /// The failure, or `nil` for success.
    public var error: String?

    enum CodingKeys: String, CodingKey { case userID = "user_id", error }

    public func run(in context: WriteContext) throws -> Member<SourceRecord> {
        Member("source", try context.recordSourceCrawl(userID: userID, sourceID: sourceID, error: error))
    }
}

/// Adds or renames one of a user's crawl sources (`POST /api/crawl/sources`, `lineage schedules add-source`).
public struct SetSource: StoreOperation {
    /// The user.
    public var userID: String
    /// The source id.
    public var sourceID: String
    /// A display name.
    public var name: String?
    /// The URL crawled.
    public var url: String

    enum CodingKeys: String, CodingKey { case userID = "user_id", sourceID = "source_id", name, url }

    public func run(in context: WriteContext) throws -> Member<SourceRecord> {
        Member("source", try context.setSource(userID: userID, id: sourceID, name: name ?? "", url: url))
    }
}
