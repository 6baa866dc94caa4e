/// The first element of every key in the `index` database: which secondary index an entry belongs to.
///
/// Numbers are assigned in `Formats/README.md` and never reused.
public struct IndexID: Hashable, Sendable, CustomStringConvertible {
    /// The number stored on disk.
    public let rawValue: Int64
    /// The snake_case name used in reports.
    public let name: String

    /// Creates an index id; use the static members rather than new numbers.
    public init(_ rawValue: Int64, _ name: String) {
        self.rawValue = rawValue
        self.name = name
    }

    public static func == (lhs: IndexID, rhs: IndexID) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public var description: String { name }

    /// `(1, xxh3_128, sha256)`: contents by XXH3-128.
    public static let contentByXXH3 = IndexID(1, "content_by_xxh3")
    /// `(2, website_id, started_at, job id)`: jobs of a website in start order.
    public static let jobsByWebsite = IndexID(2, "jobs_by_website")
    /// `(3, status, started_at, job id)`.
    public static let jobsByStatus = IndexID(3, "jobs_by_status")
    /// `(4, process_type, started_at, job id)`.
    public static let jobsByType = IndexID(4, "jobs_by_type")
    /// `(5, started_at, job id)`: every job in start order.
    public static let jobsByStart = IndexID(5, "jobs_by_start")
    /// `(6, website_id, XXH3-128 of url)` → page key: the unique page of a URL.
    public static let pageByURL = IndexID(6, "page_by_url")
    /// `(7, created_by job, page id)`.
    public static let pagesByCreator = IndexID(7, "pages_by_creator")
    /// `(8, last_updated_by job, page id)`.
    public static let pagesByUpdater = IndexID(8, "pages_by_updater")
    /// `(9, batch_id, page id)`.
    public static let pagesByBatch = IndexID(9, "pages_by_batch")
    /// `(10, website_id, status, page id)`.
    public static let pagesByStatus = IndexID(10, "pages_by_status")
    /// `(11, next_scheduled_crawl_at, user id)`: schedules in due order.
    public static let schedulesByDue = IndexID(11, "schedules_by_due")
    /// `(12, started_at, import id)`: imports in start order.
    public static let importsByStart = IndexID(12, "imports_by_start")
    /// `(13, table_name, started_at, import id)`.
    public static let importsByTable = IndexID(13, "imports_by_table")
    /// `(14, user_id, started_at, import id)`.
    public static let importsByUser = IndexID(14, "imports_by_user")
    /// `(15, status, started_at, import id)`.
    public static let importsByStatus = IndexID(15, "imports_by_status")
    /// `(16, file sha256, started_at, import id)`: imports of the same file.
    public static let importsByFileHash = IndexID(16, "imports_by_file_hash")
    /// `(17, table_name, XXH3-128 of row key, import id, row sequence)`: which import wrote a row.
    public static let importRowsByTableRow = IndexID(17, "import_rows_by_table_row")
    /// `(18, stage, status, document id)`: documents at a stage in a status.
    public static let documentStagesByStatus = IndexID(18, "document_stages_by_status")
    /// `(19, failed_by job, page id)`: pages a job failed.
    public static let pagesByFailer = IndexID(19, "pages_by_failer")
    /// `(20, stage, file_type, document id, stage, XXH3-128 of path)`: every output of a stage (format 1.8).
    public static let stageOutputsByStage = IndexID(20, "stage_outputs_by_stage")
    /// `(21, current_stage, workflow_type, document id)`: workflows by where they stand (format 1.8).
    public static let workflowsByStage = IndexID(21, "workflows_by_stage")
}
