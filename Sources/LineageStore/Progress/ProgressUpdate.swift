import LineageFormat

/// One progress report from a crawler: the payload of the seed design's progress endpoint.
///
/// Every field but ``jobID`` is optional. Build one in code, or parse the JSON payload with
/// ``ProgressUpdate/parse(json:)``.
public struct ProgressUpdate: Sendable, Equatable {
    /// A status a crawler reports.
    public struct Status: Vocabulary {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The crawl began (the job becomes `running`).
        public static let started: Status = "started"
        /// The crawl is working (`running`).
        public static let processing: Status = "processing"
        /// Suspended (`paused`).
        public static let paused: Status = "paused"
        /// Finished (`completed`, terminal).
        public static let completed: Status = "completed"
        /// Failed (`failed`, terminal).
        public static let failed: Status = "failed"
        /// Stopped (`cancelled`, terminal).
        public static let cancelled: Status = "cancelled"

        /// Statuses recorded as timeline events only; they do not change the job's status.
        public static let events: [Status] = [
            "new_areas_discovered", "credential_expiry", "credential_renewal", "credential_resumed",
        ]
        /// Every status this version accepts.
        public static let known: [Status] = [.started, .processing, .paused, .completed, .failed, .cancelled] + events
        static let knownSpellings = Set(known.map(\.rawValue))
        /// An update with any other status is invalid.
        public static let isClosed = true

        /// The job status this status sets, or `nil` for an event-only status.
        public var jobStatus: JobStatus? {
            switch self {
            case .started, .processing: .running
            case .paused: .paused
            case .completed: .completed
            case .failed: .failed
            case .cancelled: .cancelled
            default: nil
            }
        }

        /// The credential state this status reports, or `nil` for a status that reports none.
        public var credentialStatus: CredentialStatus? {
            switch rawValue {
            case "credential_expiry": .expired
            case "credential_renewal": .renewalRequired
            case "credential_resumed": .active
            default: nil
            }
        }
    }

    /// One timeline entry.
    public struct TimelineEvent: Sendable, Equatable {
        /// The event's name, e.g. `progress_update`.
        public var event: String
        /// When it happened, or `nil` for the update's own time.
        public var timestamp: Int64?
        /// Details, a JSON document, or empty.
        public var details: String

        /// Creates an entry.
        public init(event: String, timestamp: Int64? = nil, details: String = "") {
            self.event = event
            self.timestamp = timestamp
            self.details = details
        }
    }

    /// An error the crawler reports.
    public struct ReportedError: Sendable, Equatable {
        /// What went wrong.
        public var message: String
        /// Context, a JSON document, or empty.
        public var context: String

        /// Creates an error report.
        public init(message: String, context: String = "") {
            self.message = message
            self.context = context
        }
    }

    /// The job (`jobId`, or its synonym `taskId`).
    public var jobID: String
    /// The reporting process; with ``seq``, the idempotency key.
    public var reporter: String?
    /// The reporter's sequence number.
    public var seq: UInt64?
    /// When the crawler sent it, microseconds since the Unix epoch; the store's time when `nil`.
    public var timestamp: Int64?
    /// The reported status.
    public var status: Status?
    /// Items processed so far (monotonic).
    public var processedItems: Int64?
    /// Items in all.
    public var totalItems: Int64?
    /// The data type being processed.
    public var currentDataType: String?
    /// Items processed per data type since the reporter's previous update: deltas, added once.
    public var itemsByType: [ExactString: Int64]
    /// The resume cursor.
    public var lastProcessedID: String?
    /// The processing stage.
    public var stage: String?
    /// The operation type.
    public var operationType: String?
    /// Timeline entries to append.
    public var timeline: [TimelineEvent]
    /// An error to append.
    public var error: ReportedError?
    /// The crawler's resume state (`resumeState`), a JSON document kept last-writer-wins.
    public var resumeState: String?
    /// The areas a `new_areas_discovered` update found (`areas`), a JSON document.
    public var areas: String?
    /// The payload's members this version does not read, as one compact JSON object (empty when none): the
    /// details of an `areas_discovered` event whose update has no `areas`.
    public var otherMembers = ""

    /// Creates an update for `jobID`; set the other fields as needed.
    public init(
        jobID: String, reporter: String? = nil, seq: UInt64? = nil, timestamp: Int64? = nil, status: Status? = nil,
        processedItems: Int64? = nil, totalItems: Int64? = nil, currentDataType: String? = nil,
        itemsByType: [ExactString: Int64] = [:], lastProcessedID: String? = nil, stage: String? = nil,
        operationType: String? = nil, timeline: [TimelineEvent] = [], error: ReportedError? = nil,
        resumeState: String? = nil, areas: String? = nil
    ) {
        self.jobID = jobID
        self.reporter = reporter
        self.seq = seq
        self.timestamp = timestamp
        self.status = status
        self.processedItems = processedItems
        self.totalItems = totalItems
        self.currentDataType = currentDataType
        self.itemsByType = itemsByType
        self.lastProcessedID = lastProcessedID
        self.stage = stage
        self.operationType = operationType
        self.timeline = timeline
        self.error = error
        self.resumeState = resumeState
        self.areas = areas
    }

    /// The idempotency key `(reporter, seq)`, or `nil` for an update applied at least once.
    public var key: (reporter: String, seq: UInt64)? {
        guard let reporter, !reporter.isEmpty, let seq else { return nil }
        return (reporter, seq)
    }

    /// The update's last-writer-wins order, using `now` when it carries no timestamp.
    package func stamp(now: Int64) -> LWWStamp {
        LWWStamp(timestamp: timestamp ?? now, reporter: reporter ?? "", seq: seq ?? 0)
    }

    /// Why the update cannot be merged, or `nil` if it is valid.
    public var problem: String? {
        let idLimit = Validation.maxIdentifierBytes
        if jobID.isEmpty { return "jobId is empty" }
        if jobID.utf8.count > idLimit || jobID.utf8.contains(0) {
            return "jobId must be at most \(idLimit) bytes without NUL"
        }
        if let reporter, reporter.utf8.count > idLimit || reporter.utf8.contains(0) {
            return "reporter must be at most \(idLimit) bytes without NUL"
        }
        if let status, !Status.knownSpellings.contains(status.rawValue) { return "unknown status \"\(status)\"" }
        if let timestamp, !Timestamp.storable.contains(timestamp) { return "timestamp is \(Timestamp.outsideStorable)" }
        for event in timeline {
            if let time = event.timestamp, !Timestamp.storable.contains(time) {
                return "a timeline event's timestamp is \(Timestamp.outsideStorable)"
            }
        }
        if let processedItems, processedItems < 0 { return "processedItems is negative" }
        if let totalItems, totalItems < 0 { return "totalItems is negative" }
        if itemsByType.count > 1_000 { return "itemsByType has \(itemsByType.count) types; the limit is 1000" }
        for (type, delta) in itemsByType {
            if delta < 0 { return "itemsByType.\(type) is negative (\(delta)); counts are deltas and only grow" }
            if type.string.isEmpty || type.string.utf8.count > 256 { return "itemsByType keys must be 1...256 bytes" }
        }
        let textLimit = 4_096
        if (currentDataType?.utf8.count ?? 0) > textLimit { return "currentDataType is over \(textLimit) bytes" }
        if (lastProcessedID?.utf8.count ?? 0) > textLimit { return "lastProcessedId is over \(textLimit) bytes" }
        if (stage?.utf8.count ?? 0) > textLimit { return "stage is over \(textLimit) bytes" }
        if (operationType?.utf8.count ?? 0) > textLimit { return "operationType is over \(textLimit) bytes" }
        if timeline.count > 1_000 { return "timeline has \(timeline.count) events; the limit is 1000" }
        for event in timeline where event.event.isEmpty || event.event.utf8.count > 256 {
            return "timeline event names must be 1...256 bytes"
        }
        if let error, error.message.isEmpty { return "error.message is empty" }
        for (name, document) in [("resumeState", resumeState), ("areas", areas)] {
            if let document, let problem = JSONScanner.problem(in: document) {
                return "\(name) must be one JSON document: \(problem)"
            }
        }
        return nil
    }
}
