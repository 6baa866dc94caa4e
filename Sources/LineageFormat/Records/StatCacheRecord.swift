// How StatCacheRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension StatCacheRecord: StoredRecord {
    package static let kind = RecordKind.statCache
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.hashed(path)] }
}
