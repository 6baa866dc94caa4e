import LineageFormat

/// A user's crawl status in one answer (the seed design's crawl-status response).
public struct CrawlStatus: Sendable, Equatable, Encodable {
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

    /// Encodes the seed's crawl-status shape: the schedule's fields at the top level (none when there is no
    /// schedule), then `is_crawling`, `sources`, `total`, `active` and `error`.
    public func encode(to encoder: any Encoder) throws {
        var object = schedule?.jsonValue() ?? JSONObject()
        object["is_crawling"] = .bool(isCrawling)
        object["sources"] = .array(sources.map { .object($0.jsonValue()) })
        object["total"] = .integer(Int64(total))
        object["active"] = .integer(Int64(active))
        object["error"] = .integer(Int64(error))
        try JSONValue.object(object).encode(to: encoder)
    }
}
