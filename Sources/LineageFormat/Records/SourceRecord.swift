/// A crawl source's status.
public struct SourceStatus: Vocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Crawled successfully last time (or not yet crawled).
    public static let active: SourceStatus = "active"
    /// The last crawl of it failed.
    public static let error: SourceStatus = "error"
}

/// One of a user's crawl sources (record kind 6; schema `Source`). Key: `(6, user id, source id)`, so a
/// user's sources are one prefix scan.
public struct SourceRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.source
    public static let schemaVersion: UInt16 = 1

    /// The owning user.
    public var userID = ""
    /// The source id.
    public var id = ""
    /// A display name.
    public var name = ""
    /// The URL crawled.
    public var url = ""
    /// Its status.
    public var status: SourceStatus = ""
    /// When it was last crawled, or 0.
    public var lastCrawledAt: Int64 = 0
    /// The last crawl's failure message.
    public var lastError = ""
    /// When it was added.
    public var createdAt: Int64 = 0
    /// When it last changed.
    public var updatedAt: Int64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<SourceRecord>] = [
        .string(1, "user_id", \.userID),
        .string(2, "id", \.id),
        .string(3, "name", \.name),
        .string(4, "url", \.url),
        .value(5, "status", \.status),
        .timestamp(6, "last_crawled_at", \.lastCrawledAt),
        .string(7, "last_error", \.lastError),
        .timestamp(8, "created_at", \.createdAt),
        .timestamp(9, "updated_at", \.updatedAt),
    ]

    public var primaryKey: [TupleElement] { [.string(userID), .string(id)] }
}
