import LineageFormat

extension WriteContext {
    /// Records what job `jobID` saw of one URL, following the lineage design's ingestion and sync flows, with
    /// the job's counters and batch ids:
    ///
    /// - a new URL creates a page: `created_by` and batch set, `urls_discovered` + 1;
    /// - a known page whose content hash differs (or that was `error` or `deleted`) changes: `last_updated_by`
    ///   and the new batch set, `urls_updated` + 1;
    /// - a known, active page with the same hash is unchanged: nothing is written;
    /// - an `error` observation marks the page for retry: `failed_by` and `last_updated_by` set (the seed's
    ///   "which sync failed"), the observation's batch recorded (the seed's "which batch had issues"), the
    ///   error appended to the job's log, `urls_errored` + 1;
    /// - a `deleted` observation marks a known page deleted: `last_updated_by` set, `urls_deleted` + 1.
    ///
    /// Every change appends a version to the page's history. The batch id joins the job's batch set.
    /// - Throws: `.notFound` for an unknown job, or deleting an unknown page; `.conflict` if the job is not
    ///   running; `.invalidInput` for empty or over-long ids, URLs and messages.
    @discardableResult
    public func recordPage(_ observation: PageObservation, by jobID: String) throws -> PageUpdate {
        try Validation.identifier(observation.websiteID, "website id")
        try Validation.text(observation.url, PageRecord.fieldName(\.url), required: true, limit: 8 * 1024)
        try Validation.oneOf(observation.status, PageStatus.known, "page status")
        if !observation.batchID.isEmpty { try Validation.identifier(observation.batchID, "batch id") }
        try Validation.text(observation.error, "page error")
        var job = try requireJob(jobID)
        guard job.status == .running else {
            throw StoreError(.conflict, "job \(jobID) is \(job.status); only a running job can record pages")
        }
        let key: [TupleElement] = [.string(observation.websiteID), .hashed(observation.url)]
        let existing = try unique(PageRecord.self, .pageByURL, key)
        if let existing, !existing.url.sameBytes(as: observation.url) {
            throw StoreError(
                .conflict, "URLs \(existing.url) and \(observation.url) share an XXH3-128; refusing to merge them")
        }
        let hash = observation.contentHash?.canonicalBytes ?? []
        var page = existing ?? PageRecord()
        let change: PageChange
        switch (observation.status, existing) {
        case (.active, nil):
            change = .created
            job.urlsDiscovered += 1
        case (.active, let old?) where old.status == .active && (old.contentHash ?? []) == hash:
            return PageUpdate(page: old, change: .unchanged)
        case (.active, _):
            change = .changed
            page.lastUpdatedByProcessID = jobID
            job.urlsUpdated += 1
        case (.error, _):
            change = .errored
            page.failedByProcessID = jobID
            page.lastUpdatedByProcessID = jobID
            page.lastError = observation.error.isEmpty ? "crawl failed" : observation.error
            job.urlsErrored += 1
            try appendError(to: &job, message: page.lastError, url: observation.url)
        case (_, nil):
            throw StoreError(.notFound, "no page \(observation.url) on website \(observation.websiteID) to delete")
        case (_, let old?) where old.status == .deleted:
            return PageUpdate(page: old, change: .unchanged)
        default:
            change = .deleted
            page.lastUpdatedByProcessID = jobID
            job.urlsDeleted += 1
        }
        if existing == nil {
            page.id = RecordID.mint(at: now)
            page.websiteID = observation.websiteID
            page.url = observation.url
            page.createdByProcessID = jobID
            page.createdAt = now
        }
        page.status = observation.status
        if observation.status == .active {
            page.contentHash.stored = hash
            page.lastError = ""
        }
        if !observation.batchID.isEmpty && observation.status != .deleted {
            page.batchID = observation.batchID
            job.addBatch(observation.batchID)
        }
        page.updatedAt = now
        page.versionCount += 1
        var version = PageVersionRecord()
        version.pageID = page.id
        version.version = page.versionCount
        version.change = change
        version.jobID = jobID
        version.batchID = page.batchID
        version.status = page.status
        version.contentHash = page.contentHash
        version.at = now
        version.createdByProcessID = page.createdByProcessID
        version.lastUpdatedByProcessID = page.lastUpdatedByProcessID
        version.error = change == .errored ? page.lastError : ""
        try insert(version)
        try save(page)
        job.updatedAt = now
        try save(job)
        return PageUpdate(page: page, change: change)
    }

    /// Records that job `jobID` used scrape batch `batchID` (the seed's `firecrawl_batch_ids`), whether or not
    /// a page names it: a batch that failed as a whole, or one whose pages are recorded later.
    /// - Returns: the job with the batch in its set (once).
    /// - Throws: `.notFound` for an unknown job; `.invalidInput` for an empty or over-long batch id.
    @discardableResult
    public func attachBatch(_ batchID: String, to jobID: String) throws -> JobRecord {
        try Validation.identifier(batchID, "batch id")
        var job = try requireJob(jobID)
        guard job.addBatch(batchID) else { return job }
        job.updatedAt = now
        try save(job)
        return job
    }

    /// Records several observations by one job, in order.
    @discardableResult
    public func recordPages(_ observations: [PageObservation], by jobID: String) throws -> [PageUpdate] {
        try observations.map { try recordPage($0, by: jobID) }
    }
}
