import LMDB
import LineageFormat

/// Appends a write transaction's entries to the change feed: one per record stored or deleted, numbered on from
/// the feed's last entry. One recorder serves a transaction and the nested transactions of its group commit;
/// a nested transaction that fails is rewound (``rewind(to:)``), so sequences stay contiguous.
final class ChangeRecorder {
    /// The `changes` database, or `nil` for a transaction whose writes are reported nowhere (a format upgrade).
    private let database: Database?
    /// The next entry's sequence, read from the feed when the transaction appends its first entry.
    private var next: UInt64?
    /// How many entries the transaction has appended.
    private(set) var appended = 0

    /// A recorder appending to `database`; `nil` records nothing.
    init(database: Database?) { self.database = database }

    /// Appends the entry telling that the record under `key`, of `kind`, was stored or deleted.
    func record(
        _ kind: RecordKind, key: [UInt8], _ operation: ChangeOperation, in transaction: Transaction, at time: Int64
    ) throws {
        guard let database else { return }
        let sequence = try next ?? ChangeFeed.lastSequence(in: transaction, database) + 1
        let entry = ChangeRecord(
            sequence: sequence, recordKind: kind, recordKey: key, operation: operation, committedAt: time)
        try transaction.put(entry.encodedRecord(), forKey: entry.storedKey, in: database, options: .append)
        next = sequence + 1
        appended += 1
    }

    /// What ``rewind(to:)`` returns to: the recorder's state before a nested transaction.
    struct Mark {
        fileprivate let next: UInt64?
        fileprivate let appended: Int
    }

    /// The state to come back to if the nested transaction about to run fails.
    var mark: Mark { Mark(next: next, appended: appended) }

    /// Forgets the entries of a nested transaction that failed (its writes, entries included, are gone).
    func rewind(to mark: Mark) {
        next = mark.next
        appended = mark.appended
    }
}
