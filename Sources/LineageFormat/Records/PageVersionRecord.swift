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

// How PageVersionRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension PageVersionRecord: StoredRecord {
    package static let kind = RecordKind.pageVersion
    package static let schemaVersion: UInt16 = 1
    package static var database: RecordDatabase { .events }

    package var primaryKey: [TupleElement] { [.string(pageID), .int(Int64(version))] }
}
