import LineageFormat

extension Snapshot {
    /// The job with this id, or `nil`.
    public func job(_ id: String) throws -> JobRecord? {
        try fetch(JobRecord.self, [.string(id)])
    }

    /// Jobs matching `filter`, newest first, a page at a time.
    public func jobs(_ filter: JobFilter = JobFilter(), limit: Int = 100, cursor: String? = nil) throws
        -> QueryPage<JobRecord>
    {
        let (query, matches) = filter.plan(limit: limit, cursor: cursor)
        return try self.query(JobRecord.self, query, where: matches)
    }

    /// A job's event log (timeline and errors): the last `limit` entries, oldest first.
    public func jobEvents(_ id: String, limit: Int = .max) throws -> [EventRecord] {
        try records(EventRecord.self, prefix: [.string(id)], direction: .backward, limit: limit).reversed()
    }

    /// Running jobs whose newest update is older than `idle` (microseconds) at this snapshot's time — the
    /// update's own timestamp, or the store's clock for an update without one — longest silent first.
    public func stalledJobs(idleFor idle: Int64, limit: Int = .max) throws -> [JobRecord] {
        let cutoff = Timestamp.advanced(now, by: -idle)
        var stalled: [JobRecord] = []
        var cursor: String?
        repeat {
            let page = try jobs(JobFilter(status: .running), limit: 1_000, cursor: cursor)
            stalled += page.records.filter { $0.updatedAt < cutoff }
            cursor = page.nextCursor
        } while cursor != nil
        return Array(stalled.sorted { $0.updatedAt < $1.updatedAt }.prefix(limit))
    }

    /// A job's errors, oldest first.
    public func jobErrors(_ id: String) throws -> [EventRecord] {
        try jobEvents(id).filter(\.isError)
    }
}
