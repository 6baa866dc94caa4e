import LineageFormat
import LineageStore

/// A record on its way to its tables: its kind, its `lineage_key` (its stored key in hex), and its export object.
struct MirroredRecord: Sendable {
    let kind: RecordKind
    let key: String
    let object: JSONObject
}

extension StoredRecord where Self: FieldTableRecord {
    /// Every record of this type in `snapshot`, as the mirror writes them.
    static func mirroredRecords(in snapshot: Snapshot) throws -> [MirroredRecord] {
        try snapshot.records(Self.self).map { record in
            MirroredRecord(kind: kind, key: Hex.encode(record.storedKey), object: record.jsonValue())
        }
    }
}
