/// A page's status.
public struct PageStatus: Vocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Crawled successfully.
    public static let active: PageStatus = "active"
    /// The last crawl failed.
    public static let error: PageStatus = "error"
    /// Gone from the website.
    public static let deleted: PageStatus = "deleted"
    /// The statuses this version names.
    public static let known: [PageStatus] = [.active, .error, .deleted]
}

/// A crawled page and its lineage (record kind 3; schema `Page`): which job created it, which last changed
/// it, and which scrape batch produced its content. The URL is unique per website.
public struct PageRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.page
    public static let schemaVersion: UInt16 = 1

    /// The page id.
    public var id = ""
    /// The website it belongs to.
    public var websiteID = ""
    /// Its URL (unique within the website).
    public var url = ""
    /// Its status.
    public var status: PageStatus = ""
    /// The 16 canonical bytes of the XXH3-128 of its content, or empty.
    public var contentHash: [UInt8] = []
    /// The job that created it.
    public var createdByProcessID = ""
    /// The job that last changed it, or empty if none did after creation.
    public var lastUpdatedByProcessID = ""
    /// The scrape batch that produced its current content (`firecrawl_batch_id` in the seed design).
    public var batchID = ""
    /// The job whose crawl of it last failed, or empty.
    public var failedByProcessID = ""
    /// The last failure's message.
    public var lastError = ""
    /// When it was created.
    public var createdAt: Int64 = 0
    /// When it last changed.
    public var updatedAt: Int64 = 0
    /// How many versions its history holds.
    public var versionCount: UInt64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<PageRecord>] = [
        .string(1, "id", \.id),
        .string(2, "website_id", \.websiteID),
        .string(3, "url", \.url),
        .value(4, "status", \.status),
        .bytes(5, "content_hash", \.contentHash),
        .string(6, "created_by_process_id", \.createdByProcessID),
        .string(7, "last_updated_by_process_id", \.lastUpdatedByProcessID),
        .string(8, "batch_id", \.batchID),
        .string(9, "failed_by_process_id", \.failedByProcessID),
        .string(10, "last_error", \.lastError),
        .timestamp(11, "created_at", \.createdAt),
        .timestamp(12, "updated_at", \.updatedAt),
        .uint64(13, "version_count", \.versionCount),
    ]

    public var primaryKey: [TupleElement] { [.string(id)] }

    public static let indexes: [IndexDefinition<PageRecord>] = [
        .single(.pageByURL, unique: true, arity: 2) { [.string($0.websiteID), .hashed($0.url)] },
        .single(.pagesByCreator, arity: 1) { $0.createdByProcessID.isEmpty ? nil : [.string($0.createdByProcessID)] },
        .single(.pagesByUpdater, arity: 1) {
            $0.lastUpdatedByProcessID.isEmpty ? nil : [.string($0.lastUpdatedByProcessID)]
        },
        .single(.pagesByBatch, arity: 1) { $0.batchID.isEmpty ? nil : [.string($0.batchID)] },
        .single(.pagesByStatus, arity: 2) { [.string($0.websiteID), .string($0.status.rawValue)] },
        .single(.pagesByFailer, arity: 1) { $0.failedByProcessID.isEmpty ? nil : [.string($0.failedByProcessID)] },
    ]
}
