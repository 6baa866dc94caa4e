import LineageFormat

/// The progress writer's merge step: it owns the cache of the jobs it stored last (each with its progress
/// record, which holds its reporters' windows) and merges each drained group of submissions in one
/// transaction, reading and writing each touched job once. Lives on the writer thread.
struct ProgressMerger {
    /// One job touched by the batch: its state as merged so far, the record stored before the batch, the
    /// events to append, and whether anything changed.
    private struct Pending {
        var state: ProgressState
        let stored: JobRecord?
        var events: [EventRecord] = []
        var changed = false
    }

    /// How many events each job keeps.
    let retention: Int
    /// The interval between the merge's own `progress_update` events.
    let pace: Int64
    private var jobs: ProgressCache<JobRecord>

    /// A merger keeping `retention` events per job, writing its own events every `pace`, and caching at most
    /// `cacheBytes` of stored jobs.
    init(retention: Int, pace: Int64, cacheBytes: Int) {
        self.retention = max(1, retention)
        self.pace = max(0, pace)
        jobs = ProgressCache(budget: cacheBytes)
    }

    /// Merges every update of `batch` in arrival order (each already validated at submission).
    /// - Returns: each submission's outcomes (and jobs, where asked for), in order.
    mutating func merge(_ batch: [ProgressSubmission], in context: WriteContext) throws -> [MergedSubmission] {
        var positions: [ExactString: Int] = [:]
        var pending: [Pending] = []
        var outcomes: [[ProgressOutcome]] = []
        outcomes.reserveCapacity(batch.count)
        for submission in batch {
            var results: [ProgressOutcome] = []
            results.reserveCapacity(submission.updates.count)
            for update in submission.updates {
                let position: Int
                if let known = positions[ExactString(update.jobID)] {
                    position = known
                } else {
                    let job = try jobs.fetch(JobRecord.storedKey([.string(update.jobID)]), in: context)
                    if let violation = job?.recordViolation {
                        results.append(Self.unusable("job \(update.jobID)", violation))
                        continue
                    }
                    if job == nil && submission.strict {
                        results.append(
                            ProgressOutcome(.unknownJob, "no job \(update.jobID); strict ingestion creates none"))
                        continue
                    }
                    position = pending.count
                    positions[ExactString(update.jobID)] = position
                    pending.append(
                        Pending(state: Self.state(of: job ?? ProgressMerge.newJob(update.jobID)), stored: job))
                }
                let (outcome, merged) = ProgressMerge.merge(
                    update, into: &pending[position].state, now: context.now, pace: pace, validated: true)
                if !merged.isEmpty { pending[position].events += merged }
                if outcome.changedState { pending[position].changed = true }
                results.append(outcome)
            }
            outcomes.append(results)
        }
        for index in pending.indices where pending[index].changed {
            try finish(&pending[index], in: context)
        }
        return zip(batch, outcomes).map { submission, outcomes in
            guard submission.returnsJobs else { return MergedSubmission(outcomes: outcomes) }
            // Every update but a refused one reached its job, which `positions` finds.
            let jobs = zip(submission.updates, outcomes).map { update, outcome in
                outcome.kind == .invalid || outcome.kind == .unknownJob
                    ? nil : positions[ExactString(update.jobID)].map { pending[$0].state.job }
            }
            return MergedSubmission(outcomes: outcomes, jobs: jobs)
        }
    }

    /// The outcome of an update whose stored job or window cannot be built on: the update is refused and the
    /// record left as it is for `verify` to report.
    private static func unusable(_ what: String, _ violation: String) -> ProgressOutcome {
        ProgressOutcome(.invalid, "\(what) is stored damaged (\(violation)); lineage verify lists such records")
    }

    /// The state a stored job is merged into: the job, and its windows by reporter (the job's own list is
    /// brought up to date when it is stored).
    private static func state(of job: JobRecord) -> ProgressState {
        ProgressState(
            job: job,
            windows: Dictionary(job.reporterWindows.map { (ExactString($0.reporter), $0) }, uniquingKeysWith: { $1 }))
    }

    /// Appends a job's new events, applies retention, and writes the job with its windows (in its progress
    /// record; the job record itself only when one of its own fields changed).
    private mutating func finish(_ job: inout Pending, in context: WriteContext) throws {
        let jobID = job.state.job.id
        for event in job.events { try context.insert(event) }
        let keep = UInt64(retention)
        if job.state.job.nextEventSequence - job.state.job.firstEventSequence > keep {
            let first = job.state.job.nextEventSequence - keep
            try context.trim(
                EventRecord.self,
                (job.state.job.firstEventSequence..<first).lazy.map { [.string(jobID), .int(Int64($0))] })
            job.state.job.firstEventSequence = first
        }
        job.state.job.keepWindows(job.state.windows.values)
        let (key, bytes, progress) = try context.save(job.state.job, previous: job.stored)
        jobs.remember(job.state.job, key: key, bytes: bytes, progress: progress)
    }
}
