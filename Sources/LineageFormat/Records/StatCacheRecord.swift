// How StatCacheRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension StatCacheRecord: StoredRecord {
    package static let kind = RecordKind.statCache
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.hashed(path)] }

    package var recordViolation: String? {
        RecordChecks.first(
            RecordChecks.digest(Self.fieldName(\.sha256), sha256, length: 32),
            RecordChecks.digest(Self.fieldName(\.xxh3), xxh3, length: 16))
    }
}
