import LineageFormat

extension Snapshot {
    /// The page with this id, or `nil`.
    public func page(id: String) throws -> PageRecord? {
        try fetch(PageRecord.self, [.string(id)])
    }

    /// The page of this URL on this website, or `nil`. One index lookup; the URL is compared in full.
    public func page(websiteID: String, url: String) throws -> PageRecord? {
        try unique(PageRecord.self, .pageByURL, [.string(websiteID), .hashed(url)]) { $0.url.sameBytes(as: url) }
    }

    /// Pages by creating job, updating job, failing job, batch, or website and status, a page at a time.
    public func pages(_ selection: PageSelection, limit: Int = 100, cursor: String? = nil) throws
        -> QueryPage<PageRecord>
    {
        var query = selection.query
        query.limit = limit
        query.cursor = cursor
        return try self.query(PageRecord.self, query)
    }

    /// The number of pages `selection` covers.
    public func countPages(_ selection: PageSelection) throws -> Int {
        try count(selection.query)
    }

    /// Every version of a page, oldest first.
    public func pageHistory(id: String) throws -> [PageVersionRecord] {
        try records(PageVersionRecord.self, prefix: [.string(id)])
    }

    /// The page's state as of `time`: its last version at or before it, or `nil` if it did not exist yet.
    public func pageState(id: String, asOf time: Int64) throws -> PageVersionRecord? {
        try pageHistory(id: id).last { $0.at <= time }
    }

    /// The page's state as job `jobID` left it: the job's last version of the page, or, if the job did not
    /// change it, its state when the job completed (now, for a running job); `nil` if it did not exist then.
    /// - Throws: `.notFound` for an unknown job.
    public func pageState(id: String, asOfJob jobID: String) throws -> PageVersionRecord? {
        guard let job = try job(jobID) else { throw StoreError(.notFound, "no job \(jobID) in \(path)") }
        let history = try pageHistory(id: id)
        if let own = history.last(where: { $0.jobID.sameBytes(as: jobID) }) { return own }
        let end = job.completedAt ?? Int64.max
        return history.last { $0.at <= end }
    }

    /// The page's lineage: the page, its creating, last updating and failing jobs, its batch, those jobs'
    /// errors about it, and its history.
    /// - Throws: `.notFound` for an unknown page.
    public func trace(pageID: String) throws -> PageTrace {
        guard let page = try page(id: pageID) else { throw StoreError(.notFound, "no page \(pageID) in \(path)") }
        func job(_ id: String?) throws -> JobRecord? { try id.flatMap { $0.isEmpty ? nil : try self.job($0) } }
        let jobIDs = [page.createdByProcessID, page.lastUpdatedByProcessID, page.failedByProcessID]
        var errors: [EventRecord] = []
        for id in Set(jobIDs.compactMap { $0.map { ExactString($0) } }) where !id.string.isEmpty {
            errors += try records(EventRecord.self, prefix: [.string(id.string)]).filter {
                $0.isError && ($0.url.map(page.url.sameBytes) ?? true)
            }
        }
        return PageTrace(
            page: page, createdBy: try job(page.createdByProcessID),
            lastUpdatedBy: try job(page.lastUpdatedByProcessID), failedBy: try job(page.failedByProcessID),
            batchID: page.batchID,
            errors: errors.sorted { ($0.at, $0.jobID, $0.sequence) < ($1.at, $1.jobID, $1.sequence) },
            history: try pageHistory(id: pageID))
    }
}
