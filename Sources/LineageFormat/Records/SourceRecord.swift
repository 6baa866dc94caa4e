/// A crawl source's status.
public struct SourceStatus: Vocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Crawled successfully last time (or not yet crawled).
    public static let active: SourceStatus = "active"
    /// The last crawl of it failed.
    public static let error: SourceStatus = "error"
}

// How SourceRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension SourceRecord: StoredRecord {
    package static let kind = RecordKind.source
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(userID), .string(id)] }
}
