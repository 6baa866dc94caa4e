/// The kind of a stored record: the second field of its envelope and the first element of its primary key.
///
/// Numbers are assigned in `Formats/README.md` and never reused.
public struct RecordKind: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The number stored on disk.
    public let rawValue: UInt16
    /// The snake_case name used in exports and messages.
    public let name: String

    /// Creates a kind; use the static members rather than new numbers.
    public init(_ rawValue: UInt16, _ name: String) {
        self.rawValue = rawValue
        self.name = name
    }

    public static func == (lhs: RecordKind, rhs: RecordKind) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { name }

    /// The file's format description, in the `meta` database.
    public static let formatInfo = RecordKind(1, "format_info")
    /// A process job: an ingestion, sync or crawl run.
    public static let job = RecordKind(2, "job")
    /// A crawled page with its lineage.
    public static let page = RecordKind(3, "page")
    /// One change of a page, in the `events` database.
    public static let pageVersion = RecordKind(4, "page_version")
    /// A user's crawl schedule.
    public static let schedule = RecordKind(5, "schedule")
    /// A user's crawl source.
    public static let source = RecordKind(6, "source")
    /// A file import.
    public static let importRun = RecordKind(7, "import")
    /// A row an import wrote.
    public static let importRow = RecordKind(8, "import_row")
    /// A document going through the stage pipeline.
    public static let document = RecordKind(9, "document")
    /// A processing stage and its dependencies.
    public static let stageDefinition = RecordKind(10, "stage_definition")
    /// A document's state at one stage.
    public static let documentStage = RecordKind(11, "document_stage")
    /// A file a stage produced for a document.
    public static let stageOutput = RecordKind(12, "stage_output")
    /// A document's workflow summary.
    public static let workflow = RecordKind(13, "workflow")
    /// A job's timeline event or error, in the `events` database.
    public static let event = RecordKind(14, "event")
    /// A reporter's window of seen progress-update seqs for one job, as a record of its own (files of 1.8 and
    /// earlier, and exports of them; since 1.9 windows live in their job's progress record).
    public static let reporterWindow = RecordKind(15, "reporter_window")
    /// A distinct file content, keyed by SHA-256.
    public static let content = RecordKind(16, "content")
    /// A place where a content was seen.
    public static let sighting = RecordKind(17, "sighting")
    /// A stat-cache entry: a path's size, mtime, ctime and inode with the digests they last had.
    public static let statCache = RecordKind(18, "stat_cache")
    /// One finished run of a document's stage, in the `events` database.
    public static let stageRun = RecordKind(19, "stage_run")
    /// One batch crawl of a user's sources.
    public static let crawlBatch = RecordKind(20, "crawl_batch")
    /// A job's progress record: the job's fields with the `progress` option, in the `progress` database.
    public static let jobProgress = RecordKind(21, "job_progress")
    /// An entry of the change feed, in the `changes` database.
    public static let change = RecordKind(22, "change")
    /// A named reader of the change feed and its position, in the `meta` database.
    public static let changeConsumer = RecordKind(23, "change_consumer")

    /// Every kind this version defines.
    public static let all: [RecordKind] = [
        .formatInfo, .job, .page, .pageVersion, .schedule, .source, .importRun, .importRow, .document,
        .stageDefinition, .documentStage, .stageOutput, .workflow, .event, .reporterWindow, .content, .sighting,
        .statCache, .stageRun, .crawlBatch, .jobProgress, .change, .changeConsumer,
    ]

    /// The kind with number `rawValue`, or `nil` if this version does not define it.
    public static func known(_ rawValue: UInt16) -> RecordKind? { all.first { $0.rawValue == rawValue } }
}
