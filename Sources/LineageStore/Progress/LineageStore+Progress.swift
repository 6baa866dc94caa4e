import Synchronization

extension LineageStore {
    /// Merges one progress update and returns its outcome once the transaction holding it is durable
    /// (as far as the store's durability mode goes).
    ///
    /// Updates from many callers are committed together by the group-commit writer.
    /// - Parameter strict: refuse updates for unknown jobs (`unknown_job`); the store's option when `nil`.
    /// - Throws: ``StoreError`` only when the storage fails; a bad update gets an `invalid` outcome instead.
    public func ingest(_ update: ProgressUpdate, strict: Bool? = nil) async throws -> ProgressOutcome {
        try await writer().submit([update], strict: strict ?? options.strictProgress)[0]
    }

    /// Merges a batch of progress updates through the group-commit writer and blocks until they are
    /// committed; one outcome per update, in order.
    public func ingest(_ updates: [ProgressUpdate], strict: Bool? = nil) throws -> IngestSummary {
        guard !updates.isEmpty else { return IngestSummary(outcomes: []) }
        return IngestSummary(outcomes: try writer().submitAndWait(updates, strict: strict ?? options.strictProgress))
    }

    /// Parses JSON payloads (on the calling thread) and merges the valid ones; a payload that does not parse
    /// gets an `invalid` outcome with the reason, and every other update is still applied.
    public func ingest(json payloads: [[UInt8]], strict: Bool? = nil) throws -> IngestSummary {
        var outcomes = [ProgressOutcome?](repeating: nil, count: payloads.count)
        var updates: [ProgressUpdate] = []
        var positions: [Int] = []
        for (index, payload) in payloads.enumerated() {
            do {
                updates.append(try ProgressUpdate.parse(json: payload))
                positions.append(index)
            } catch let error as StoreError {
                outcomes[index] = ProgressOutcome(.invalid, error.message)
            }
        }
        for (position, outcome) in zip(positions, try ingest(updates, strict: strict).outcomes) {
            outcomes[position] = outcome
        }
        return IngestSummary(outcomes: outcomes.map { $0! })
    }

    private func writer() throws -> ProgressWriter {
        guard !options.readOnly else { throw StoreError(.readOnly, "\(path) is open read-only") }
        return try progressWriter.withLock { slot in
            guard !slot.closed else { throw StoreError(.storage, "\(path) is closed") }
            if let writer = slot.writer { return writer }
            let retention = options.eventRetention
            var jobs = ProgressCache<JobRecord>()
            var windows = ProgressCache<ReporterWindowRecord>()
            let writer = ProgressWriter(capacity: options.ingestQueueCapacity) { [weak self] batch in
                guard let self else { throw StoreError(.storage, "the store was released") }
                return try write { context in
                    try context.mergeProgress(batch, retention: retention, jobs: &jobs, windows: &windows)
                }
            }
            slot.writer = writer
            return writer
        }
    }
}

extension WriteContext {
    /// Merges every update of `batch` in arrival order, reading and writing each touched job and window once.
    /// - Parameters:
    ///   - jobs: the writer's cache of the jobs it stored last, consulted instead of decoding.
    ///   - windows: the same for reporter windows.
    func mergeProgress(
        _ batch: [ProgressWriter.Submission], retention: Int, jobs: inout ProgressCache<JobRecord>,
        windows: inout ProgressCache<ReporterWindowRecord>
    ) throws -> [[ProgressOutcome]] {
        var positions: [String: Int] = [:]
        var states: [ProgressState] = []
        var stored: [JobRecord?] = []
        var events: [[EventRecord]] = []
        var changed: [Bool] = []
        var outcomes: [[ProgressOutcome]] = []
        for submission in batch {
            var results: [ProgressOutcome] = []
            results.reserveCapacity(submission.updates.count)
            for update in submission.updates {
                if let problem = update.problem {
                    results.append(ProgressOutcome(.invalid, problem))
                    continue
                }
                let position: Int
                if let known = positions[update.jobID] {
                    position = known
                } else {
                    let job = try jobs.fetch(JobRecord.storedKey([.string(update.jobID)]), in: self)
                    if job == nil && submission.strict {
                        results.append(
                            ProgressOutcome(.unknownJob, "no job \(update.jobID); strict ingestion creates none"))
                        continue
                    }
                    position = states.count
                    positions[update.jobID] = position
                    states.append(ProgressState(job: job ?? ProgressMerge.newJob(update.jobID)))
                    stored.append(job)
                    events.append([])
                    changed.append(false)
                }
                if let (reporter, _) = update.key, states[position].windows[reporter] == nil,
                    let window = try windows.fetch(
                        ReporterWindowRecord.storedKey([.string(update.jobID), .string(reporter)]), in: self)
                {
                    states[position].windows[reporter] = window
                }
                let (outcome, merged) = ProgressMerge.merge(update, into: &states[position], now: now, validated: true)
                if !merged.isEmpty { events[position] += merged }
                if outcome.changedState { changed[position] = true }
                results.append(outcome)
            }
            outcomes.append(results)
        }
        for position in states.indices where changed[position] {
            try finish(
                &states[position], previous: stored[position], events: events[position], retention: retention,
                jobs: &jobs, windows: &windows)
        }
        return outcomes
    }

    /// Appends a job's new events, applies retention, and writes the job and its windows.
    private func finish(
        _ state: inout ProgressState, previous: JobRecord?, events: [EventRecord], retention: Int,
        jobs: inout ProgressCache<JobRecord>, windows: inout ProgressCache<ReporterWindowRecord>
    ) throws {
        let jobID = state.job.id
        for event in events { try insert(event) }
        let keep = UInt64(max(1, retention))
        if state.job.nextEventSequence - state.job.firstEventSequence > keep {
            let first = state.job.nextEventSequence - keep
            for sequence in state.job.firstEventSequence..<first {
                _ = try transaction.delete(
                    EventRecord.storedKey([.string(jobID), .int(Int64(sequence))]), in: databases.events)
            }
            state.job.firstEventSequence = first
        }
        let (key, bytes) = try save(state.job, previous: previous)
        jobs.remember(state.job, key: key, bytes: bytes)
        for window in state.windows.values {
            let (key, bytes) = try save(window, previous: nil)
            windows.remember(window, key: key, bytes: bytes)
        }
    }
}
