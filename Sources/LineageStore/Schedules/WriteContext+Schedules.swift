import LineageFormat

extension WriteContext {
    /// Creates a user's schedule (due now) or changes its frequency, moving the next crawl to
    /// `last crawl + frequency` when a crawl has completed before.
    /// - Throws: `.invalidInput` for an empty user id or a frequency outside 1...8760 hours.
    @discardableResult
    public func setSchedule(userID: String, frequencyHours: Int = 24) throws -> ScheduleRecord {
        try Validation.identifier(userID, "user id")
        guard (1...8_760).contains(frequencyHours) else {
            throw StoreError(.invalidInput, "frequency_hours must be 1...8760 (got \(frequencyHours))")
        }
        var schedule = try scheduleOrNew(userID)
        schedule.frequencyHours = UInt64(frequencyHours)
        if let last = schedule.lastBatchCrawlAt {
            schedule.nextScheduledCrawlAt = Timestamp.advanced(last, by: Int64(frequencyHours) * Timestamp.hour)
        }
        schedule.updatedAt = now
        try save(schedule)
        return schedule
    }

    /// Takes the user's batch-crawl lease for `owner` until `now + lease` (the seed's `is_crawling = true`),
    /// creating the schedule if needed.
    ///
    /// A second batch for the same user is refused while the lease is live; an expired lease (its crawler
    /// crashed) is taken over and counted in `lease_recoveries`.
    /// - Parameter lease: the lease length in microseconds.
    /// - Throws: `.conflict` naming the holder and since when if another owner's lease is live;
    ///   `.invalidInput` for empty ids, or a lease that is not positive or longer than a century.
    @discardableResult
    public func startBatchCrawl(userID: String, owner: String, lease: Int64) throws -> ScheduleRecord {
        try Validation.identifier(userID, "user id")
        try Validation.identifier(owner, "lease owner")
        try Validation.period(lease, "a lease")
        var schedule = try scheduleOrNew(userID)
        if schedule.isCrawling(at: now), let holder = schedule.leaseOwner {
            throw StoreError(
                .conflict,
                "user \(userID) is already being crawled by \(holder) since "
                    + "\(Timestamp.format(schedule.leaseSince)) (lease expires "
                    + "\(Timestamp.format(schedule.leaseExpiresAt)))")
        }
        let recovered = schedule.leaseOwner != nil
        if recovered {
            schedule.leaseRecoveries += 1
            try endBatch(of: schedule, .expired, at: schedule.leaseExpiresAt)
        }
        schedule.leaseOwner = owner
        schedule.leaseSince = now
        schedule.leaseExpiresAt = now + lease
        schedule.updatedAt = now
        try save(schedule)
        var batch = CrawlBatchRecord()
        batch.userID = userID
        batch.sequence = try lastBatch(userID).map { $0.sequence + 1 } ?? 0
        batch.owner = owner
        batch.startedAt = now
        batch.outcome = .running
        batch.recoveredLease = recovered
        try insert(batch)
        return schedule
    }

    /// Extends `owner`'s live lease to `now + lease` (a heartbeat for long batches).
    /// - Throws: `.conflict` unless `owner` holds a live lease.
    @discardableResult
    public func renewBatchCrawl(userID: String, owner: String, lease: Int64) throws -> ScheduleRecord {
        try Validation.period(lease, "a lease")
        var schedule = try leasedSchedule(userID, owner)
        schedule.leaseExpiresAt = now + lease
        schedule.updatedAt = now
        try save(schedule)
        return schedule
    }

    /// Completes `owner`'s batch crawl: records its stats and duration in the schedule and the batch's history
    /// record, sets the next crawl to completion + frequency, and releases the lease.
    ///
    /// The counts default to the per-source results recorded during the batch
    /// (``recordSourceCrawl(userID:sourceID:error:)``), the duration to the time since the lease was taken; a
    /// crawler that measured them passes its own.
    /// - Throws: `.conflict` unless `owner` holds a live lease; `.invalidInput` for negative counts or a
    ///   duration outside 0 to 100 years.
    @discardableResult
    public func completeBatchCrawl(
        userID: String, owner: String, sourcesCrawled: Int? = nil, sourcesFailed: Int? = nil,
        durationSeconds: Double? = nil
    ) throws -> ScheduleRecord {
        let crawled = try sourcesCrawled.map { try Validation.count($0, "sources_crawled_count") }
        let failed = try sourcesFailed.map { try Validation.count($0, "sources_failed_count") }
        if let durationSeconds, let problem = RecordChecks.duration("duration_seconds", durationSeconds) {
            throw StoreError(.invalidInput, problem)
        }
        var schedule = try leasedSchedule(userID, owner)
        var batch = try runningBatch(of: schedule)
        batch.sourcesCrawledCount = crawled ?? UInt64(batch.crawledSources.count)
        batch.sourcesFailedCount = failed ?? UInt64(batch.failedSources.count)
        batch.durationSeconds = durationSeconds ?? Timestamp.seconds(from: schedule.leaseSince, to: now)
        try end(&batch, .completed, at: now)
        schedule.lastBatchCrawlAt = now
        schedule.lastDurationSeconds = batch.durationSeconds
        schedule.nextScheduledCrawlAt = Timestamp.advanced(
            now, by: Int64(min(schedule.frequencyHours, 8_760)) * Timestamp.hour)
        schedule.sourcesCrawled = batch.sourcesCrawledCount
        schedule.sourcesFailed = batch.sourcesFailedCount
        schedule.lastOutcome = "completed"
        schedule.lastError = ""
        try release(&schedule)
        return schedule
    }

    /// Ends `owner`'s batch crawl as failed: records the error and releases the lease; the schedule stays
    /// due, so the next `due` query offers it again.
    @discardableResult
    public func failBatchCrawl(userID: String, owner: String, error: String) throws -> ScheduleRecord {
        try Validation.text(error, "error", required: true)
        var schedule = try leasedSchedule(userID, owner)
        try endBatch(of: schedule, .failed, at: now, error: error)
        schedule.lastOutcome = "failed"
        schedule.lastError = error
        try release(&schedule)
        return schedule
    }

    /// Releases `owner`'s lease without recording a crawl (the crawler gave up on purpose).
    @discardableResult
    public func abandonBatchCrawl(userID: String, owner: String) throws -> ScheduleRecord {
        var schedule = try leasedSchedule(userID, owner)
        try endBatch(of: schedule, .abandoned, at: now)
        schedule.lastOutcome = "abandoned"
        try release(&schedule)
        return schedule
    }

    /// Releases the user's lease whoever holds it, live or expired — an operator clearing a stuck crawl
    /// (the seed's "is_crawling stuck as true"). The release is recorded: `last_outcome` `released` and
    /// `last_error` naming the holder, since when, and `operator`.
    /// - Throws: `.notFound` without a schedule; `.conflict` if no lease is held; `.invalidInput` for an empty
    ///   operator.
    @discardableResult
    public func releaseBatchCrawl(userID: String, by operator: String) throws -> ScheduleRecord {
        try Validation.identifier(`operator`, "operator")
        guard var schedule = try fetch(ScheduleRecord.self, [.string(userID)]) else {
            throw StoreError(.notFound, "user \(userID) has no crawl schedule")
        }
        guard let holder = schedule.leaseOwner else {
            throw StoreError(.conflict, "no batch crawl holds the lease of user \(userID)")
        }
        schedule.lastOutcome = "released"
        schedule.lastError =
            "lease of \(holder) since \(Timestamp.format(schedule.leaseSince)) released by \(`operator`)"
        try endBatch(of: schedule, .released, at: now, error: schedule.lastError)
        try release(&schedule)
        return schedule
    }

    /// Adds or renames a user's crawl source.
    @discardableResult
    public func setSource(userID: String, id: String, name: String, url: String) throws -> SourceRecord {
        try Validation.identifier(userID, "user id")
        try Validation.identifier(id, "source id")
        try Validation.text(name, "source name")
        try Validation.text(url, "source url", required: true, limit: 8 * 1024)
        var source = try fetch(SourceRecord.self, [.string(userID), .string(id)]) ?? SourceRecord()
        if source.id.isEmpty {
            source.userID = userID
            source.id = id
            source.status = .active
            source.createdAt = now
        }
        source.name = name
        source.url = url
        source.updatedAt = now
        try save(source)
        return source
    }

    /// Records the outcome of crawling one source: `error` nil for success. While a batch crawl holds the
    /// user's lease, the result joins that batch's record (a source reported twice counts once, as last
    /// reported).
    /// - Throws: `.notFound` for an unknown source.
    @discardableResult
    public func recordSourceCrawl(userID: String, sourceID: String, error: String? = nil) throws -> SourceRecord {
        guard var source = try fetch(SourceRecord.self, [.string(userID), .string(sourceID)]) else {
            throw StoreError(.notFound, "user \(userID) has no source \(sourceID)")
        }
        try Validation.text(error ?? "", "source error")
        source.status = error == nil ? .active : .error
        source.lastError = error ?? ""
        source.lastCrawledAt = now
        source.updatedAt = now
        try save(source)
        if let schedule = try fetch(ScheduleRecord.self, [.string(userID)]), schedule.isCrawling(at: now),
            var batch = try lastBatch(userID), batch.outcome == .running
        {
            batch.crawledSources.removeAll { $0.sameBytes(as: sourceID) }
            batch.failedSources.removeAll { $0.sameBytes(as: sourceID) }
            if error == nil { batch.crawledSources.append(sourceID) } else { batch.failedSources.append(sourceID) }
            try save(batch)
        }
        return source
    }

    /// The user's crawl status (``Snapshot/crawlStatus(userID:)``), creating the default schedule (every 24
    /// hours, due now) on first sight, as the seed's status endpoint does.
    /// - Throws: `.invalidInput` for an empty or over-long user id.
    public func crawlStatusCreatingSchedule(userID: String) throws -> CrawlStatus {
        if try schedule(userID: userID) == nil { try setSchedule(userID: userID) }
        return try crawlStatus(userID: userID)
    }

    /// The user's schedule, or a new one due now.
    func scheduleOrNew(_ userID: String) throws -> ScheduleRecord {
        if let schedule = try fetch(ScheduleRecord.self, [.string(userID)]) { return schedule }
        var schedule = ScheduleRecord()
        schedule.userID = userID
        schedule.frequencyHours = 24
        schedule.nextScheduledCrawlAt = now
        schedule.createdAt = now
        return schedule
    }

    /// The user's schedule, if `owner` holds its live lease.
    func leasedSchedule(_ userID: String, _ owner: String) throws -> ScheduleRecord {
        guard let schedule = try fetch(ScheduleRecord.self, [.string(userID)]) else {
            throw StoreError(.notFound, "user \(userID) has no crawl schedule")
        }
        guard schedule.leaseOwner == owner, schedule.isCrawling(at: now) else {
            let holder =
                schedule.leaseOwner.map { "the lease is \(schedule.isCrawling(at: now) ? "held" : "expired") by \($0)" }
                ?? "no batch crawl holds the lease"
            throw StoreError(.conflict, "\(owner) holds no live lease for user \(userID): \(holder)")
        }
        return schedule
    }

    /// The user's newest batch record, or `nil` before the first batch.
    func lastBatch(_ userID: String) throws -> CrawlBatchRecord? {
        try records(CrawlBatchRecord.self, prefix: [.string(userID)], direction: .backward, limit: 1).first
    }

    /// The batch record of the lease `schedule` holds; one is started for a lease taken before batches were
    /// recorded (a file of an earlier format).
    private func runningBatch(of schedule: ScheduleRecord) throws -> CrawlBatchRecord {
        let last = try lastBatch(schedule.userID)
        if let last, last.outcome == .running { return last }
        var batch = CrawlBatchRecord()
        batch.userID = schedule.userID
        batch.sequence = last.map { $0.sequence + 1 } ?? 0
        batch.owner = schedule.leaseOwner ?? ""
        batch.startedAt = schedule.leaseSince
        batch.outcome = .running
        return batch
    }

    /// Ends the batch of the lease `schedule` holds with `outcome` at `time`.
    private func endBatch(
        of schedule: ScheduleRecord, _ outcome: BatchOutcome, at time: Int64, error: String = ""
    ) throws {
        var batch = try runningBatch(of: schedule)
        let end = max(time, batch.startedAt)
        batch.error = error
        batch.sourcesCrawledCount = UInt64(batch.crawledSources.count)
        batch.sourcesFailedCount = UInt64(batch.failedSources.count)
        batch.durationSeconds = Timestamp.seconds(from: batch.startedAt, to: end)
        try self.end(&batch, outcome, at: end)
    }

    /// Saves `batch` ended with `outcome` at `time`.
    private func end(_ batch: inout CrawlBatchRecord, _ outcome: BatchOutcome, at time: Int64) throws {
        batch.outcome = outcome
        batch.completedAt = time
        try save(batch)
    }

    /// Clears the lease and saves the schedule.
    func release(_ schedule: inout ScheduleRecord) throws {
        schedule.leaseOwner = nil
        schedule.leaseSince = 0
        schedule.leaseExpiresAt = 0
        schedule.updatedAt = now
        try save(schedule)
    }
}
