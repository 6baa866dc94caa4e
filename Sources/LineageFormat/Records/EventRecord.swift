// How EventRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension EventRecord: StoredRecord {
    package static let kind = RecordKind.event
    package static let schemaVersion: UInt16 = 1
    package static var database: RecordDatabase { .events }

    /// The event name for errors.
    public static let errorEvent = "error"

    /// Whether this entry is an error.
    public var isError: Bool { event == Self.errorEvent }

    package var primaryKey: [TupleElement] { [.string(jobID), .int(Int64(truncatingIfNeeded: sequence))] }

    package var references: [RecordReference] { RecordReference.job(Self.fieldName(\.jobID), jobID) }

    package var recordViolation: String? {
        sequence > UInt64(Int64.max) ? "sequence \(sequence) is beyond the largest key (\(Int64.max))" : nil
    }
}
