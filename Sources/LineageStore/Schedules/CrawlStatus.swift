import LineageFormat

/// A user's crawl status in one answer (the seed design's crawl-status response).
public struct CrawlStatus: Sendable, Equatable {
    /// The user's schedule, or `nil` if none was created.
    public var schedule: ScheduleRecord?
    /// The user's sources, in id order.
    public var sources: [SourceRecord]
    /// How many sources the user has.
    public var total: Int
    /// How many are active.
    public var active: Int
    /// How many are in error.
    public var error: Int
    /// Whether a batch crawl holds an unexpired lease now.
    public var isCrawling: Bool
}
