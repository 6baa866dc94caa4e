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

    /// A job's errors, oldest first.
    public func jobErrors(_ id: String) throws -> [EventRecord] {
        try jobEvents(id).filter(\.isError)
    }
}
