/// A job's status.
public struct JobStatus: Vocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Started and not finished.
    public static let running: JobStatus = "running"
    /// Suspended; may resume.
    public static let paused: JobStatus = "paused"
    /// Finished successfully (terminal).
    public static let completed: JobStatus = "completed"
    /// Finished with a failure (terminal).
    public static let failed: JobStatus = "failed"
    /// Stopped on request (terminal).
    public static let cancelled: JobStatus = "cancelled"

    /// Whether no further status change is allowed.
    public var isTerminal: Bool { self == .completed || self == .failed || self == .cancelled }
    /// The statuses this version names.
    public static let known: [JobStatus] = [.running, .paused, .completed, .failed, .cancelled]
}

/// What kind of run a job is; custom types are any other non-empty string.
public struct ProcessType: Vocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A first crawl of a website.
    public static let ingestion: ProcessType = "ingestion"
    /// A re-crawl that detects changed pages.
    public static let sync: ProcessType = "sync"
    /// A re-index requested by a person.
    public static let manualReindex: ProcessType = "manual_reindex"
    /// A crawler's progress-reporting run, created by its first progress update.
    public static let crawl: ProcessType = "crawl"
}

// How JobRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension JobRecord: StoredRecord {
    package static let kind = RecordKind.job
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(id)] }

    package static let indexes: [IndexDefinition<JobRecord>] = [
        IndexDefinition(.jobsByWebsite, .field(\.websiteID), .field(\.startedAt)),
        IndexDefinition(.jobsByStatus, .field(\.status), .field(\.startedAt)),
        IndexDefinition(.jobsByType, .field(\.processType), .field(\.startedAt)),
        IndexDefinition(.jobsByStart, .field(\.startedAt)),
    ]
}
