import LMDB
import LineageFormat

extension Snapshot {
    /// The sequences of the feed's first and last entries, or `nil` when it has none (a new file, or one of an
    /// earlier format opened read-only).
    public func changeBounds() throws -> ClosedRange<UInt64>? {
        guard let database = databases.changes,
            let first = try ChangeFeed.edgeSequence(in: transaction, database, .forward),
            let last = try ChangeFeed.edgeSequence(in: transaction, database, .backward)
        else { return nil }
        return first...last
    }

    /// The sequence of the feed's last entry (0 when it has none): a consumer that starts from this snapshot's
    /// records (an export) follows the feed after it.
    public func lastChangeSequence() throws -> UInt64 {
        try changeBounds()?.upperBound ?? 0
    }

    /// The entries after `sequence`, in order, at most `limit`, each with its record as it is now.
    /// - Throws: `.pruned` when entries after `sequence` were removed by retention (the feed's first entry is
    ///   beyond `sequence + 1`): the reader has missed changes and must start again from a snapshot;
    ///   `.invalidInput` for a `sequence` beyond the last entry; `.damagedRecord` naming a damaged entry.
    public func changes(after sequence: UInt64, limit: Int = 1_000) throws -> [StoreChange] {
        var rendered: [[UInt8]: String?] = [:]
        return try entries(after: sequence, limit: limit).map { entry in
            try change(entry) { type, key in
                if let text = rendered[key] { return text }
                let text = try record(type, key: key, in: databases[type.database]).map {
                    $0.exactJSONText(adding: [:])
                }
                rendered[key] = text
                return text
            }
        }
    }

    /// ``changes(after:limit:)`` with each record as its export object rather than its text (one object per
    /// record, however many entries name it) and its stored key, for readers that map records onto other
    /// shapes.
    package func changeObjects(after sequence: UInt64, limit: Int) throws -> [(
        change: StoreChange, storedKey: [UInt8], object: JSONObject?
    )] {
        var objects: [[UInt8]: JSONObject?] = [:]
        return try entries(after: sequence, limit: limit).map { entry in
            var object: JSONObject?
            let change = try change(entry) { type, key in
                if let known = objects[key] {
                    object = known
                } else {
                    object = try recordObject(type, key: key)
                    objects[key] = object
                }
                return nil
            }
            return (change, entry.recordKey, object)
        }
    }

    /// The record of `type` under `key` as its export object, or `nil`.
    private func recordObject<R: StoredRecord & FieldTableRecord>(_ type: R.Type, key: [UInt8]) throws -> JSONObject? {
        try record(type, key: key, in: databases[R.database]).map { $0.jsonValue() }
    }

    /// The feed entries after `sequence`, checked as ``changes(after:limit:)`` describes.
    private func entries(after sequence: UInt64, limit: Int) throws -> [ChangeRecord] {
        guard let database = databases.changes, let bounds = try changeBounds() else {
            guard sequence == 0 else {
                throw StoreError(
                    .invalidInput, "\(path) has no change-feed entries; there is nothing after \(sequence)")
            }
            return []
        }
        guard sequence <= bounds.upperBound, sequence < UInt64(Int64.max) else {
            throw StoreError(
                .invalidInput, "sequence \(sequence) is beyond the change feed's last entry (\(bounds.upperBound))")
        }
        guard sequence + 1 >= bounds.lowerBound else {
            throw StoreError(
                .pruned,
                "change-feed entries \(sequence + 1)…\(bounds.lowerBound - 1) were removed by retention; start again "
                    + "from a snapshot (lineage export) and follow from sequence \(bounds.upperBound)")
        }
        var entries: [ChangeRecord] = []
        let start = ChangeRecord.storedKey([.int(Int64(sequence + 1))])
        var range = KeyRange.prefix(ChangeFeed.entryPrefix)
        range.lower = .inclusive(start)
        try transaction.scan(database, range: range) { key, value in
            entries.append(try decode(ChangeRecord.self, value, key: key, in: database))
            return entries.count < limit
        }
        return entries
    }

    /// The feed entry `entry`, its record's text from `render` (given the record's type and stored key).
    private func change(
        _ entry: ChangeRecord, render: (any (StoredRecord & FieldTableRecord).Type, [UInt8]) throws -> String?
    ) throws -> StoreChange {
        let elements = (try? TupleCodec.decode(entry.recordKey)) ?? []
        guard let type = StoredTypes.type(ofKind: Int64(entry.recordKind)), !elements.isEmpty else {
            throw StoreError(
                .damagedRecord,
                "change \(entry.sequence) in database changes of \(path) names record kind \(entry.recordKind), "
                    + "which this version does not know")
        }
        return StoreChange(
            sequence: entry.sequence, kind: type.kind, key: Array(elements.dropFirst()), operation: entry.operation,
            committedAt: entry.committedAt, record: try render(type, entry.recordKey))
    }

    /// The registered consumers of the change feed, by name.
    public func changeConsumers() throws -> [ChangeConsumerRecord] {
        try records(ChangeConsumerRecord.self)
    }

    /// The consumer named `name`, or `nil`.
    public func changeConsumer(_ name: String) throws -> ChangeConsumerRecord? {
        try fetch(ChangeConsumerRecord.self, [.string(name)])
    }
}
