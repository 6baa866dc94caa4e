extension LineageStore {
    /// Records what job `jobID` saw of one URL, following the lineage design's ingestion and sync flows, in
    /// one transaction with the job's counters and batch ids:
    ///
    /// - a new URL creates a page: `created_by` and batch set, `urls_discovered` + 1;
    /// - a known page whose content hash differs (or that was `error` or `deleted`) changes: `last_updated_by`
    ///   and the new batch set, `urls_updated` + 1;
    /// - a known, active page with the same hash is unchanged: nothing is written;
    /// - an `error` observation marks the page for retry: `failed_by` set, the error appended to the job's
    ///   log, `urls_errored` + 1;
    /// - a `deleted` observation marks a known page deleted: `last_updated_by` set, `urls_deleted` + 1.
    ///
    /// Every change appends a version to the page's history. The batch id joins the job's batch set.
    /// - Throws: `.notFound` for an unknown job, or deleting an unknown page; `.conflict` if the job is not
    ///   running; `.invalidInput` for empty or over-long ids, URLs and messages.
    @discardableResult
    public func recordPage(_ observation: PageObservation, by jobID: String) throws -> PageUpdate {
        try write { try $0.recordPage(observation, by: jobID) }
    }

    /// Records several observations by one job in one transaction; all apply or none does.
    @discardableResult
    public func recordPages(_ observations: [PageObservation], by jobID: String) throws -> [PageUpdate] {
        try write { context in try observations.map { try context.recordPage($0, by: jobID) } }
    }

    /// The page with this id, or `nil`.
    public func page(id: String) throws -> PageRecord? {
        try read { try $0.fetch(PageRecord.self, [.string(id)]) }
    }

    /// The page of this URL on this website, or `nil`. One index lookup; the URL is compared in full.
    public func page(websiteID: String, url: String) throws -> PageRecord? {
        try read { try $0.page(websiteID: websiteID, url: url) }
    }

    /// Pages by creating job, updating job, failing job, batch, or website and status, a page at a time.
    public func pages(_ selection: PageSelection, limit: Int = 100, cursor: String? = nil) throws
        -> QueryPage<PageRecord>
    {
        var query = selection.query
        query.limit = limit
        query.cursor = cursor
        return try read { try $0.query(PageRecord.self, query) }
    }

    /// The number of pages `selection` covers.
    public func countPages(_ selection: PageSelection) throws -> Int {
        try read { try $0.count(selection.query) }
    }

    /// Every version of a page, oldest first.
    public func pageHistory(id: String) throws -> [PageVersionRecord] {
        try read { try $0.records(PageVersionRecord.self, prefix: [.string(id)]) }
    }

    /// The page's state as of `time`: its last version at or before it, or `nil` if it did not exist yet.
    public func pageState(id: String, asOf time: Int64) throws -> PageVersionRecord? {
        try pageHistory(id: id).last { $0.at <= time }
    }

    /// The page's state as job `jobID` left it: the job's last version of the page, or, if the job did not
    /// change it, its state when the job completed (now, for a running job); `nil` if it did not exist then.
    /// - Throws: `.notFound` for an unknown job.
    public func pageState(id: String, asOfJob jobID: String) throws -> PageVersionRecord? {
        try read { snapshot in
            guard let job = try snapshot.fetch(JobRecord.self, [.string(jobID)]) else {
                throw StoreError(.notFound, "no job \(jobID) in \(path)")
            }
            let history = try snapshot.records(PageVersionRecord.self, prefix: [.string(id)])
            if let own = history.last(where: { $0.jobID == jobID }) { return own }
            let end = job.completedAt != 0 ? job.completedAt : Int64.max
            return history.last { $0.at <= end }
        }
    }

    /// The page's lineage: the page, its creating, last updating and failing jobs, its batch, those jobs'
    /// errors about it, and its history.
    /// - Throws: `.notFound` for an unknown page.
    public func trace(pageID: String) throws -> PageTrace {
        try read { snapshot in
            guard let page = try snapshot.fetch(PageRecord.self, [.string(pageID)]) else {
                throw StoreError(.notFound, "no page \(pageID) in \(path)")
            }
            func job(_ id: String) throws -> JobRecord? {
                id.isEmpty ? nil : try snapshot.fetch(JobRecord.self, [.string(id)])
            }
            let jobIDs = [page.createdByProcessID, page.lastUpdatedByProcessID, page.failedByProcessID]
            var errors: [EventRecord] = []
            for id in Set(jobIDs) where !id.isEmpty {
                errors += try snapshot.records(EventRecord.self, prefix: [.string(id)]).filter {
                    $0.isError && ($0.url.isEmpty || $0.url == page.url)
                }
            }
            return PageTrace(
                page: page, createdBy: try job(page.createdByProcessID),
                lastUpdatedBy: try job(page.lastUpdatedByProcessID), failedBy: try job(page.failedByProcessID),
                batchID: page.batchID,
                errors: errors.sorted { ($0.at, $0.jobID, $0.sequence) < ($1.at, $1.jobID, $1.sequence) },
                history: try snapshot.records(PageVersionRecord.self, prefix: [.string(pageID)]))
        }
    }
}

extension Snapshot {
    /// The page of this URL on this website, through the unique URL index.
    func page(websiteID: String, url: String) throws -> PageRecord? {
        try unique(PageRecord.self, .pageByURL, [.string(websiteID), .hashed(url)]) { $0.url == url }
    }
}

extension WriteContext {
    /// ``LineageStore/recordPage(_:by:)`` inside this transaction.
    func recordPage(_ observation: PageObservation, by jobID: String) throws -> PageUpdate {
        try Validation.identifier(observation.websiteID, "website id")
        try Validation.text(observation.url, "url", required: true, limit: 8 * 1024)
        try Validation.oneOf(observation.status, PageStatus.known, "page status")
        if !observation.batchID.isEmpty { try Validation.identifier(observation.batchID, "batch id") }
        try Validation.text(observation.error, "page error")
        var job = try requireJob(jobID)
        guard job.status == .running else {
            throw StoreError(.conflict, "job \(jobID) is \(job.status); only a running job can record pages")
        }
        let key: [TupleElement] = [.string(observation.websiteID), .hashed(observation.url)]
        let existing = try unique(PageRecord.self, .pageByURL, key)
        if let existing, existing.url != observation.url {
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
        case (.active, let old?) where old.status == .active && old.contentHash == hash:
            return PageUpdate(page: old, change: .unchanged)
        case (.active, _):
            change = .changed
            page.lastUpdatedByProcessID = jobID
            job.urlsUpdated += 1
        case (.error, _):
            change = .errored
            page.failedByProcessID = jobID
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
            page.contentHash = hash
            page.lastError = ""
            if !observation.batchID.isEmpty {
                page.batchID = observation.batchID
                let position = job.batchIDs.partitionPoint { $0 < observation.batchID }
                if position == job.batchIDs.count || job.batchIDs[position] != observation.batchID {
                    job.batchIDs.insert(observation.batchID, at: position)
                }
            }
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
}

extension Array {
    /// The index of the first element for which `isBefore` is false, in an array where it holds for a prefix.
    func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
