// How ChangeRecord is stored (kind, key) and what it can do; its fields, field table and codec are generated
// from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension ChangeRecord: StoredRecord {
    package static let kind = RecordKind.change
    package static let schemaVersion: UInt16 = 1
    package static var database: RecordDatabase { .changes }

    /// The entry at `sequence` telling that the record under `recordKey` (of `recordKind`) was `operation`ed.
    public init(
        sequence: UInt64, recordKind: RecordKind, recordKey: [UInt8], operation: ChangeOperation, committedAt: Int64
    ) {
        self.sequence = sequence
        self.recordKind = UInt64(recordKind.rawValue)
        self.recordKey = recordKey
        self.operation = operation
        self.committedAt = committedAt
    }

    package var primaryKey: [TupleElement] { [.int(Int64(truncatingIfNeeded: sequence))] }

    package var recordViolation: String? {
        if sequence == 0 || sequence > UInt64(Int64.max) { return "sequence \(sequence) is outside 1…\(Int64.max)" }
        if recordKind == 0 || recordKind > UInt64(UInt16.max) { return "record_kind \(recordKind) is not a kind" }
        guard case .int(let kind)? = (try? TupleCodec.decode(recordKey))?.first, kind == Int64(recordKind) else {
            return "record_key is not a tuple starting with record_kind \(recordKind)"
        }
        return operation.rawValue.isEmpty ? "operation is not set" : nil
    }
}
