extension JobStatus {
    /// Whether no further status change is allowed.
    public var isTerminal: Bool { self == .completed || self == .failed || self == .cancelled }

    /// The timeline event the progress merge writes when a job reaches this status, if it is terminal.
    public var terminalEvent: String? {
        switch self {
        case .completed: "completion"
        case .failed: "failure"
        case .cancelled: "cancellation"
        default: nil
        }
    }
}

// How JobRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension JobRecord: StoredRecord {
    package static let kind = RecordKind.job
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(id)] }

    /// The largest event sequence a job may reach: far beyond any real log, and small enough that sequences
    /// and their differences never overflow.
    package static let maxEventSequence = UInt64(Int64.max) / 2

    package var recordViolation: String? {
        if firstEventSequence > nextEventSequence {
            return "first_event_sequence \(firstEventSequence) is above next_event_sequence \(nextEventSequence)"
        }
        if nextEventSequence > Self.maxEventSequence {
            return "next_event_sequence \(nextEventSequence) is above its limit \(Self.maxEventSequence)"
        }
        if progressUpdates == .max || errorCount == .max { return "a counter is at its limit" }
        for (index, window) in reporterWindows.enumerated() {
            if !window.jobID.isEmpty { return "reporter_windows holds a window naming a job" }
            if window.reporter.isEmpty || window.reporter.utf8.contains(0) {
                return "reporter_windows holds a window whose reporter is empty or holds a NUL byte"
            }
            if index > 0 && !(ExactString(reporterWindows[index - 1].reporter) < ExactString(window.reporter)) {
                return "reporter_windows is not sorted by reporter without repeats"
            }
            if let violation = window.recordViolation { return "the window of \(window.reporter): \(violation)" }
        }
        return nil
    }

    package static let indexes: [IndexDefinition<JobRecord>] = [
        IndexDefinition(.jobsByWebsite, .field(\.websiteID), .field(\.startedAt)),
        IndexDefinition(.jobsByStatus, .field(\.status), .field(\.startedAt)),
        IndexDefinition(.jobsByType, .field(\.processType), .field(\.startedAt)),
        IndexDefinition(.jobsByStart, .field(\.startedAt)),
    ]
}

extension JobRecord {
    /// Keeps `windows` as the job's reporters' windows the way its progress record holds them: without a job
    /// id, each in its one form (``ReporterWindowRecord/compact()``), sorted by reporter bytes.
    package mutating func keepWindows(_ windows: some Sequence<ReporterWindowRecord>) {
        reporterWindows = windows.map { window in
            var window = window
            window.jobID = ""
            window.compact()
            return window
        }.sorted { ExactString($0.reporter) < ExactString($1.reporter) }
    }
}
