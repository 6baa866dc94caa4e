import LineageFormat

extension Snapshot {
    /// The user's schedule, or `nil`.
    public func schedule(userID: String) throws -> ScheduleRecord? {
        try fetch(ScheduleRecord.self, [.string(userID)])
    }

    /// Every schedule, in user order.
    public func schedules(limit: Int = .max) throws -> [ScheduleRecord] {
        try records(ScheduleRecord.self, limit: limit)
    }

    /// The schedules due at `time` (next crawl at or before it) and not being crawled, most overdue first.
    /// One range scan of the due index.
    public func dueSchedules(at time: Int64, limit: Int = .max) throws -> [ScheduleRecord] {
        let query = IndexQuery(.schedulesByDue, before: [.int(time + 1)])
        var due: [ScheduleRecord] = []
        for schedule in try self.query(ScheduleRecord.self, query).records
        where !schedule.isCrawling(at: time) {
            due.append(schedule)
            if due.count == limit { break }
        }
        return due
    }

    /// The user's batch crawls, newest first (the seed's crawl history and batch log).
    public func crawlHistory(userID: String, limit: Int = 100) throws -> [CrawlBatchRecord] {
        try records(CrawlBatchRecord.self, prefix: [.string(userID)], direction: .backward, limit: limit)
    }

    /// The user's schedule and sources with their counts, in one snapshot.
    public func crawlStatus(userID: String) throws -> CrawlStatus {
        let schedule = try fetch(ScheduleRecord.self, [.string(userID)])
        let sources = try records(SourceRecord.self, prefix: [.string(userID)])
        let errors = sources.count { $0.status == .error }
        return CrawlStatus(
            schedule: schedule, sources: sources, total: sources.count, active: sources.count - errors,
            error: errors, isCrawling: schedule?.isCrawling(at: now) ?? false)
    }
}
