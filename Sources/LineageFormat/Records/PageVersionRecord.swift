/// How a page changed in one version.
public struct PageChange: Vocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The page was first seen.
    public static let created: PageChange = "created"
    /// Its content (or status, back to active) changed.
    public static let changed: PageChange = "changed"
    /// A crawl of it failed.
    public static let errored: PageChange = "errored"
    /// It was marked deleted.
    public static let deleted: PageChange = "deleted"
    /// Nothing changed; never stored, only reported.
    public static let unchanged: PageChange = "unchanged"
}

/// One entry of a page's history (record kind 4, `events` database; schema `PageVersion`): the page's
/// state right after a change. Key: `(4, page id, version)`.
public struct PageVersionRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.pageVersion
    public static let schemaVersion: UInt16 = 1
    public static var database: RecordDatabase { .events }

    /// The page.
    public var pageID = ""
    /// The version number, from 1.
    public var version: UInt64 = 0
    /// What changed.
    public var change: PageChange = ""
    /// The job that made the change.
    public var jobID = ""
    /// The page's batch id after the change.
    public var batchID = ""
    /// The page's status after the change.
    public var status: PageStatus = ""
    /// The page's content hash after the change.
    public var contentHash: [UInt8] = []
    /// When the change was made.
    public var at: Int64 = 0
    /// The page's creating job.
    public var createdByProcessID = ""
    /// The page's last updating job after the change.
    public var lastUpdatedByProcessID = ""
    /// The failure message, for `errored`.
    public var error = ""
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<PageVersionRecord>] = [
        .string(1, "page_id", \.pageID),
        .uint64(2, "version", \.version),
        .value(3, "change", \.change),
        .string(4, "job_id", \.jobID),
        .string(5, "batch_id", \.batchID),
        .value(6, "status", \.status),
        .bytes(7, "content_hash", \.contentHash),
        .timestamp(8, "at", \.at),
        .string(9, "created_by_process_id", \.createdByProcessID),
        .string(10, "last_updated_by_process_id", \.lastUpdatedByProcessID),
        .string(11, "error", \.error),
    ]

    public var primaryKey: [TupleElement] { [.string(pageID), .int(Int64(version))] }
}
