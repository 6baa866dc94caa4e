// How ContentRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension ContentRecord: StoredRecord {
    package static let kind = RecordKind.content
    package static let schemaVersion: UInt16 = 1

    package var primaryKey: [TupleElement] { [.bytes(sha256)] }

    package var recordViolation: String? {
        RecordChecks.first(
            sha256.count == 32 ? nil : "\(Self.fieldName(\.sha256)) is \(sha256.count) bytes; a SHA-256 is 32",
            RecordChecks.digest(Self.fieldName(\.xxh3), xxh3, length: 16))
    }

    package static let indexes: [IndexDefinition<ContentRecord>] = [
        IndexDefinition(.contentByXXH3, .field(\.xxh3))
    ]
}
