extension JobStatus {
    /// Whether no further status change is allowed.
    public var isTerminal: Bool { self == .completed || self == .failed || self == .cancelled }
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
