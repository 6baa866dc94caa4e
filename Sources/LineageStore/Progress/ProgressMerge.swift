import LineageFormat

/// One job's progress and its reporters' windows: what ``ProgressMerge/apply(_:to:now:)`` works on.
public struct ProgressState: Sendable, Equatable {
    /// The job, progress fields included.
    public var job: JobRecord
    /// The windows of the reporters seen so far, by reporter.
    public var windows: [ExactString: ReporterWindowRecord]

    /// Creates a state.
    public init(job: JobRecord, windows: [ExactString: ReporterWindowRecord] = [:]) {
        self.job = job
        self.windows = windows
    }
}

/// The progress merge, a pure function `(state, update) → (state, outcome, events)`. The contract, with the
/// last-writer-wins (LWW) order of an update being `(timestamp, reporter, seq)`:
///
/// - `processedItems` becomes the maximum of the stored and the incoming value: it never decreases.
/// - `totalItems`, `currentDataType`, `lastProcessedId`, `stage`, `operationType`: each field keeps the value
///   of the update with the greatest LWW order that set it; an older update arriving late never overwrites it.
/// - `itemsByType` counts are deltas, added exactly once per idempotency key `(reporter, seq)`: a reporter's
///   window remembers the last ``ReporterWindowRecord/window`` seqs below its highest, so duplicates and
///   retries add nothing, reordered updates inside the window apply once, and an update older than the window
///   is refused as `too_old`. Updates without a key apply every time (`unkeyed`).
/// - `timeline` events and `error` are appended once per key to the job's event log, never to the job record.
/// - The merge writes events of its own, once per key too: `stage_change` when the update changes the winning
///   `stage`; `completion`, `failure` or `cancellation` when it makes the job terminal (or changes which
///   terminal status won); `areas_discovered` for `new_areas_discovered` (details: `areas`, else the update's
///   other members); `credential_status_change` for the credential statuses; and `progress_update` (the
///   seed's details) for the first update whose time falls in a later `pace` interval than the job's
///   `paced_at`, so the timeline shows the pace without an event per update. Which update writes these
///   depends on arrival order; the job record does not.
/// - `resumeState` and the credential state are last-writer-wins like `lastProcessedId`.
/// - `status`: `completed`, `failed` and `cancelled` are terminal and sticky. Once a job is terminal, a later
///   non-terminal status is ignored (`late`, noted in the log) while the rest of its update applies; among
///   terminal statuses the earliest LWW order wins whatever the arrival order; among non-terminal ones the
///   latest LWW order wins. `started` and `processing` mean `running`; the special statuses
///   (`new_areas_discovered`, `credential_*`) are logged as events and change nothing.
/// - `started_at` is the earliest update time, `updated_at` the latest, `completed_at` the winning terminal
///   update's time.
///
/// Any permutation and any duplication of a set of keyed updates within the window yields the same job
/// record and windows. Job ids, reporters and item types are identities compared by their UTF-8 bytes
/// (``ExactString``), never by Swift's canonical equivalence: `"caf\u{E9}"` and `"cafe\u{301}"` are two.
public enum ProgressMerge {
    /// The default interval between the `progress_update` events the merge writes: one minute.
    public static let defaultPace = 60 * Timestamp.second

    /// Merges `update` into `state` at store time `now` (used for updates without a timestamp), writing a
    /// `progress_update` event at most once per `pace` of update time (never, when `pace` is 0).
    ///
    /// - Returns: the new state, the outcome, and the events to append (sequences assigned from the job's
    ///   log). A refused update returns `state` unchanged and no events.
    public static func apply(
        _ update: ProgressUpdate, to state: ProgressState, now: Int64, pace: Int64 = defaultPace
    ) -> (state: ProgressState, outcome: ProgressOutcome, events: [EventRecord]) {
        var next = state
        let (outcome, events) = merge(update, into: &next, now: now, pace: pace)
        return (next, outcome, events)
    }

    /// ``apply(_:to:now:pace:)`` in place, for the writer: a refused update leaves `state` untouched.
    /// - Parameter validated: the caller has already checked ``ProgressUpdate/problem``.
    public static func merge(
        _ update: ProgressUpdate, into state: inout ProgressState, now: Int64, pace: Int64 = defaultPace,
        validated: Bool = false
    ) -> (ProgressOutcome, [EventRecord]) {
        precondition(
            ExactString(update.jobID) == ExactString(state.job.id), "an update merges into its own job's state")
        if !validated, let problem = update.problem { return (ProgressOutcome(.invalid, problem), []) }
        let stamp = update.stamp(now: now)
        let key = update.key
        if let (reporter, seq) = key, let window = state.windows[ExactString(reporter)] {
            switch window.admission(of: seq) {
            case .fresh: break
            case .duplicate: return (ProgressOutcome(.duplicate), [])
            case .tooOld:
                return (
                    ProgressOutcome(
                        .tooOld,
                        "seq \(seq) of \(reporter) is below its window (highest seq \(window.highestSeq), "
                            + "window \(ReporterWindowRecord.window))"),
                    []
                )
            }
        }
        for (type, delta) in update.itemsByType
        where (state.job.itemsByType[type] ?? 0).addingReportingOverflow(delta).overflow {
            return (ProgressOutcome(.invalid, "itemsByType.\(type) would exceed 64 bits"), [])
        }
        if let (reporter, seq) = key {
            state.windows[ExactString(reporter), default: ReporterWindowRecord(jobID: state.job.id, reporter: reporter)]
                .record(seq)
        }
        let before = (stage: state.job.stage, status: state.job.status, credential: state.job.credentialStatus)
        for (type, delta) in update.itemsByType { state.job.itemsByType[type, default: 0] += delta }
        if let processed = update.processedItems { state.job.processedItems = max(state.job.processedItems, processed) }
        lastWriterWins(update.totalItems, stamp, &state.job.totalItems, &state.job.totalItemsStamp)
        lastWriterWins(update.currentDataType, stamp, &state.job.currentDataType, &state.job.currentDataTypeStamp)
        lastWriterWins(update.lastProcessedID, stamp, &state.job.lastProcessedID, &state.job.lastProcessedIDStamp)
        lastWriterWins(update.stage, stamp, &state.job.stage, &state.job.stageStamp)
        lastWriterWins(update.operationType, stamp, &state.job.operationType, &state.job.operationTypeStamp)
        if let resumeState = update.resumeState, state.job.resumeStateStamp < stamp {
            state.job.resumeState = resumeState
            state.job.resumeStateStamp = stamp
        }
        let credential = update.status?.credentialStatus
        if let credential, state.job.credentialStatusStamp < stamp {
            state.job.credentialStatus = credential
            state.job.credentialStatusStamp = stamp
            state.job.credentialStatusChangedAt = stamp.timestamp
        }
        state.job.startedAt = state.job.startedAt == 0 ? stamp.timestamp : min(state.job.startedAt, stamp.timestamp)
        state.job.updatedAt = max(state.job.updatedAt, stamp.timestamp)
        state.job.progressUpdates += 1

        var events: [EventRecord] = []
        func log(_ name: String, at time: Int64?, message: String = "", details: String = "") {
            var event = EventRecord()
            event.jobID = state.job.id
            event.sequence = state.job.nextEventSequence
            event.at = time ?? stamp.timestamp
            event.event = name
            event.message = message
            event.details.stored = details
            event.reporter.stored = update.reporter ?? ""
            event.reporterSequence.stored = update.seq ?? 0
            event.recordedAt = now
            state.job.nextEventSequence += 1
            events.append(event)
        }
        var late = false
        if let status = update.status {
            if let target = status.jobStatus {
                if target.isTerminal {
                    if !state.job.status.isTerminal || stamp < state.job.statusStamp {
                        state.job.status = target
                        state.job.statusStamp = stamp
                        state.job.completedAt = stamp.timestamp
                    }
                } else if state.job.status.isTerminal {
                    late = true
                    log(
                        "late_status", at: nil,
                        message: "\(status) ignored: the job is already \(state.job.status) since "
                            + Timestamp.format(state.job.completedAt ?? state.job.startedAt))
                } else if state.job.statusStamp < stamp {
                    state.job.status = target
                    state.job.statusStamp = stamp
                }
            } else if credential != nil {
                log(
                    "credential_status_change", at: nil, message: status.rawValue,
                    details: change(before.credential.rawValue, state.job.credentialStatus.rawValue))
            } else if status.rawValue == "new_areas_discovered" {
                log("areas_discovered", at: nil, details: update.areas ?? update.otherMembers)
            } else {
                log(status.rawValue, at: nil)
            }
        }
        if state.job.stage != before.stage {
            log("stage_change", at: nil, details: change(before.stage, state.job.stage))
        }
        if state.job.status != before.status, let name = state.job.status.terminalEvent {
            log(name, at: nil, details: progressDetails(state.job))
        }
        for entry in update.timeline { log(entry.event, at: entry.timestamp, details: entry.details) }
        if let error = update.error {
            log(EventRecord.errorEvent, at: nil, message: error.message, details: error.context)
            state.job.errorCount += 1
            state.job.lastError = error.message
        }
        if pace > 0 {
            let interval = stamp.timestamp - stamp.timestamp % pace
            if interval > state.job.pacedAt {
                state.job.pacedAt = interval
                log("progress_update", at: nil, details: progressDetails(state.job))
            }
        }
        let kind: ProgressOutcome.Kind = late ? .late : (key == nil ? .unkeyed : .applied)
        return (ProgressOutcome(kind), events)
    }

    /// `{"from":…,"to":…}`.
    private static func change(_ from: String, _ to: String) -> String {
        String(decoding: JSONValue.object(["from": .string(from), "to": .string(to)]).jsonBytes, as: UTF8.self)
    }

    /// The seed's `progress_update` details: the job's status, items processed, data type and stage.
    private static func progressDetails(_ job: JobRecord) -> String {
        let details = JSONValue.object([
            "status": .string(job.status.rawValue), "processedItems": .integer(job.processedItems),
            "currentDataType": .string(job.currentDataType), "stage": .string(job.stage),
        ])
        return String(decoding: details.jsonBytes, as: UTF8.self)
    }

    private static func lastWriterWins<Value>(
        _ incoming: Value?, _ stamp: LWWStamp, _ value: inout Value, _ valueStamp: inout LWWStamp
    ) {
        guard let incoming, valueStamp < stamp else { return }
        value = incoming
        valueStamp = stamp
    }

    /// A new job for a crawler's first update (process type `crawl`, status `running`).
    public static func newJob(_ id: String) -> JobRecord {
        var job = JobRecord()
        job.id = id
        job.processType = .crawl
        job.status = .running
        return job
    }
}
