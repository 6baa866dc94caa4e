// How ChangeConsumerRecord is stored (kind, key) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension ChangeConsumerRecord: StoredRecord {
    package static let kind = RecordKind.changeConsumer
    package static let schemaVersion: UInt16 = 1
    package static var database: RecordDatabase { .meta }

    package var primaryKey: [TupleElement] { [.string(name)] }

    package var recordViolation: String? {
        if name.isEmpty { return "name is empty" }
        return position > UInt64(Int64.max) ? "position \(position) is beyond the largest sequence" : nil
    }
}
