// How PageRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension PageRecord: StoredRecord {
    package static let kind = RecordKind.page
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.string(id)] }

    package var references: [RecordReference] {
        RecordReference.job(Self.fieldName(\.createdByProcessID), createdByProcessID)
            + RecordReference.job(Self.fieldName(\.lastUpdatedByProcessID), lastUpdatedByProcessID)
            + RecordReference.job(Self.fieldName(\.failedByProcessID), failedByProcessID)
    }

    package var recordViolation: String? { RecordChecks.digest(Self.fieldName(\.contentHash), contentHash, length: 16) }

    package static let indexes: [IndexDefinition<PageRecord>] = [
        IndexDefinition(.pageByURL, unique: true, .field(\.websiteID), .hashed(\.url)),
        IndexDefinition(.pagesByCreator, skipsEmpty: true, .field(\.createdByProcessID)),
        IndexDefinition(.pagesByUpdater, skipsEmpty: true, .field(\.lastUpdatedByProcessID.stored)),
        IndexDefinition(.pagesByBatch, skipsEmpty: true, .field(\.batchID)),
        IndexDefinition(.pagesByStatus, .field(\.websiteID), .field(\.status)),
        IndexDefinition(.pagesByFailer, skipsEmpty: true, .field(\.failedByProcessID.stored)),
    ]
}
