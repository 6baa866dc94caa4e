import LMDB
import LineageFormat

/// The change feed's bookkeeping over the `changes` database: its bounds, and the removal of old entries.
enum ChangeFeed {
    /// The stored-key prefix of every entry.
    static let entryPrefix = TupleCodec.encode(ChangeRecord.keyPrefix())

    /// The sequence of the feed's last entry, 0 when it has none.
    static func lastSequence(in transaction: Transaction, _ database: Database) throws -> UInt64 {
        try edgeSequence(in: transaction, database, .backward) ?? 0
    }

    /// The sequence of the feed's first or last entry (by `direction`), or `nil` when it has none.
    static func edgeSequence(in transaction: Transaction, _ database: Database, _ direction: ScanDirection) throws
        -> UInt64?
    {
        var sequence: UInt64?
        try transaction.scan(database, range: .prefix(entryPrefix), direction: direction) { key, _ in
            sequence = Self.sequence(ofKey: key)
            return false
        }
        return sequence
    }

    /// The sequence in an entry's stored key `(22, sequence)`, or `nil` for a key of another shape.
    static func sequence(ofKey key: some Collection<UInt8>) -> UInt64? {
        guard let elements = try? TupleCodec.decode(Array(key)), elements.count == 2,
            case .int(let sequence) = elements[1], sequence > 0
        else { return nil }
        return UInt64(sequence)
    }

    /// The lowest position of the registered consumers, or `nil` when none is registered.
    static func slowestConsumer(in snapshot: Snapshot) throws -> UInt64? {
        try snapshot.records(ChangeConsumerRecord.self).map(\.position).min()
    }

    /// Removes the entries older than `retention` (microseconds) that no consumer still needs, oldest first and
    /// at most as many as the transaction appended (and 256 more), so the feed's cost per commit stays bounded;
    /// the newest entry always stays.
    static func pruneExpired(in context: WriteContext, retention: Int64) throws {
        guard let database = context.databases.changes, retention >= 0 else { return }
        let cutoff = context.now - retention
        var expired: [[UInt8]] = []
        var floor: UInt64?
        let limit = context.changes.appended + 256
        let last = try lastSequence(in: context.transaction, database)
        try context.transaction.scan(database, range: .prefix(entryPrefix)) { key, value in
            guard let sequence = sequence(ofKey: key), sequence < last else { return false }
            let entry = try context.decode(ChangeRecord.self, value, key: key, in: database)
            guard entry.committedAt < cutoff else { return false }
            if floor == nil { floor = try slowestConsumer(in: context) ?? .max }
            guard sequence <= floor! else { return false }
            expired.append(Array(key))
            return expired.count < limit
        }
        for key in expired { _ = try context.transaction.delete(key, in: database) }
    }
}
