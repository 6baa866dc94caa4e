import LineageFormat

extension WriteContext {
    /// Starts a job: status `running`, started now.
    ///
    /// - Parameters:
    ///   - id: the job id, or `nil` to mint a UUIDv7.
    ///   - metadata: a JSON document, or empty.
    /// - Throws: `.duplicate` if the id is taken; `.invalidInput` for an empty or over-long id, website or
    ///   type, or metadata that is not JSON.
    @discardableResult
    public func startJob(
        id: String? = nil, websiteID: String, processType: ProcessType, metadata: String = ""
    ) throws -> JobRecord {
        var job = JobRecord()
        job.id = id ?? RecordID.mint(at: now)
        job.websiteID = websiteID
        job.processType = processType
        job.metadata.stored = metadata
        try Validation.identifier(job.id, "job id")
        try Validation.identifier(websiteID, "website id")
        try Validation.identifier(processType.rawValue, "process type")
        try Validation.json(metadata, "job metadata")
        job.status = .running
        job.startedAt = now
        job.updatedAt = now
        try insert(job)
        return job
    }

    /// Moves a job to `status`, stamping `completed_at` for terminal statuses and recording `error` (if any)
    /// in its event log. The counters and batch ids are already up to date; nothing is recomputed.
    ///
    /// Legal moves: `running` → `paused`, and `running` or `paused` → any status; the same non-terminal
    /// status again is a no-op.
    /// - Throws: `.notFound` for an unknown job; `.conflict` naming both statuses when the job is terminal.
    @discardableResult
    public func updateJobStatus(_ id: String, to status: JobStatus, error: String? = nil) throws -> JobRecord {
        var job = try requireJob(id)
        try Validation.oneOf(status, JobStatus.known, "job status")
        guard !job.status.isTerminal else {
            throw StoreError(
                .conflict,
                "job \(id) is already \(job.status) since \(Timestamp.format(job.completedAt ?? job.startedAt)); "
                    + "it cannot become \(status)")
        }
        if let error { try appendError(to: &job, message: error) }
        guard job.status != status || error != nil else { return job }
        job.status = status
        job.statusStamp = LWWStamp(timestamp: now)
        if status.isTerminal { job.completedAt = now }
        job.updatedAt = now
        try save(job)
        return job
    }

    /// Completes a running or paused job: ``updateJobStatus(_:to:error:)`` with `completed`.
    @discardableResult
    public func completeJob(_ id: String) throws -> JobRecord { try updateJobStatus(id, to: .completed) }

    /// Appends an error to a job's event log and bumps its error count.
    /// - Throws: `.notFound` for an unknown job; `.invalidInput` for an empty or over-long message or
    ///   details that are not JSON.
    @discardableResult
    public func recordJobError(_ id: String, message: String, url: String = "", details: String = "") throws
        -> EventRecord
    {
        var job = try requireJob(id)
        let event = try appendError(to: &job, message: message, url: url, details: details)
        try save(job)
        return event
    }

    /// The job with this id.
    /// - Throws: `.notFound` naming the id.
    func requireJob(_ id: String) throws -> JobRecord {
        guard let job = try job(id) else { throw StoreError(.notFound, "no job \(id) in \(path)") }
        return job
    }

    /// Appends `event` to `job`'s log with the job's next sequence number; the caller saves the job.
    @discardableResult
    func appendEvent(to job: inout JobRecord, _ event: EventRecord) throws -> EventRecord {
        var event = event
        event.jobID = job.id
        event.sequence = job.nextEventSequence
        event.recordedAt = now
        if event.at == 0 { event.at = now }
        job.nextEventSequence += 1
        job.updatedAt = now
        try insert(event)
        return event
    }

    /// Appends an error to `job`'s log and counts it; the caller saves the job.
    @discardableResult
    func appendError(to job: inout JobRecord, message: String, url: String = "", details: String = "") throws
        -> EventRecord
    {
        try Validation.text(message, "error message", required: true)
        try Validation.text(url, "error url")
        try Validation.json(details, "error details")
        var event = EventRecord()
        event.event = EventRecord.errorEvent
        event.message = message
        event.url.stored = url
        event.details.stored = details
        job.errorCount += 1
        job.lastError = message
        return try appendEvent(to: &job, event)
    }
}
