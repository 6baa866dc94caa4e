import LMDB
import LineageFormat

/// A write transaction: everything a ``Snapshot`` reads, plus every family's write operations, which commit
/// together or not at all:
///
/// ```swift
/// try store.write { tx in
///     let job = try tx.startJob(websiteID: "docs.acme.dev", processType: .sync)
///     try tx.recordPages(observations, by: job.id)
///     try tx.completeJob(job.id)
/// }
/// ```
///
/// Each operation validates its input and keeps its family's counters; underneath, `insert`, `save` and
/// `delete` keep every secondary index of a record exact in the same transaction as the record.
public final class WriteContext: Snapshot {
    /// Where this transaction's writes are reported (the change feed).
    let changes: ChangeRecorder

    init(
        transaction: Transaction, databases: Databases, path: String, now: Int64, formatMinor: UInt64,
        changes: ChangeRecorder
    ) {
        self.changes = changes
        super.init(transaction: transaction, databases: databases, path: path, now: now, formatMinor: formatMinor)
    }

    /// Stores a new record and its index entries.
    /// - Throws: `.duplicate` if a record with its primary key or one of its unique index values exists.
    package func insert<R: StoredRecord>(_ record: R) throws {
        let key = try checkedKey(record)
        let database = databases[R.database]
        if try transaction.value(in: database, forKey: key) != nil {
            throw StoreError(.duplicate, "a \(R.kind.name) record \(TupleCodec.describe(key)) already exists")
        }
        try updateIndexes(old: nil as R?, new: record, key: key)
        try put(record, key: key)
    }

    /// Stores `record`, replacing the one with its primary key, and moves its index entries to match.
    /// - Returns: the record it replaced, if it has indexes (the record is read only to move them).
    /// - Throws: `.duplicate` if one of its unique index values belongs to another record.
    @discardableResult
    package func save<R: StoredRecord>(_ record: R) throws -> R? {
        let old = R.indexes.isEmpty ? nil : try fetch(R.self, record.primaryKey)
        try save(record, previous: old)
        return old
    }

    /// ``save(_:)`` for a caller that read the stored record earlier in this transaction (`nil`: none is
    /// stored): the index entries move from `previous` to `record` without reading it again.
    /// - Returns: the stored key and bytes, and those of the record's progress record if it has one.
    @discardableResult
    func save<R: StoredRecord>(_ record: R, previous: R?) throws -> (
        key: [UInt8], bytes: [UInt8], progress: [UInt8]?
    ) {
        let key = try checkedKey(record)
        try updateIndexes(old: previous, new: record, key: key)
        let (bytes, progress) = try put(record, key: key)
        return (key, bytes, progress)
    }

    /// Writes `record` under `key`: a type with a progress record as its two parts, the record itself only when
    /// its bytes changed, so merging progress (which always changes the progress record) leaves the indexed
    /// record's pages alone.
    /// - Returns: the bytes stored, and those of the progress record.
    @discardableResult
    private func put<R: StoredRecord>(_ record: R, key: [UInt8]) throws -> (bytes: [UInt8], progress: [UInt8]?) {
        let database = databases[R.database]
        let (bytes, progress) = record.encodedParts()
        if let progress {
            try putIfChanged(bytes, forKey: key, in: database)
            try transaction.put(progress, forKey: R.progressKey(record.primaryKey), in: progressDatabase)
        } else {
            try transaction.put(bytes, forKey: key, in: database)
        }
        try report(R.self, key: key, .put)
        return (bytes, progress)
    }

    /// Appends the change-feed entry of a write, for a type whose writes the feed reports: the data, not the
    /// feed's own records nor this machine's stat cache (which export leaves out too).
    private func report<R: StoredRecord>(_ type: R.Type, key: [UInt8], _ operation: ChangeOperation) throws {
        guard R.database.isReported, !LineageStore.isLocalCache(R.kind) else { return }
        try changes.record(R.kind, key: key, operation, in: transaction, at: now)
    }

    private func putIfChanged(_ bytes: [UInt8], forKey key: [UInt8], in database: Database) throws {
        if try !holds(bytes, under: key, in: database) { try transaction.put(bytes, forKey: key, in: database) }
    }

    /// The `progress` database, which a writer always has (it creates it in a file of an earlier format).
    private var progressDatabase: Database {
        get throws {
            guard let database = databases.progress else {
                throw StoreError(.storage, "\(path) has no progress database; open it writable to upgrade it")
            }
            return database
        }
    }

    /// Deletes the record of type `R` with this primary key and its index entries.
    /// - Returns: the deleted record, or `nil` if there was none.
    @discardableResult
    package func delete<R: StoredRecord>(_ type: R.Type, _ primaryKey: [TupleElement]) throws -> R? {
        let key = R.storedKey(primaryKey)
        let database = databases[R.database]
        guard let old = try record(R.self, key: key, in: database) else { return nil }
        try updateIndexes(old: old, new: nil, key: key)
        _ = try transaction.delete(key, in: database)
        if R.hasProgressRecord { _ = try transaction.delete(R.progressKey(primaryKey), in: progressDatabase) }
        try report(R.self, key: key, .delete)
        return old
    }

    /// Deletes records of a type without indexes (log entries past their retention) without reading them.
    func trim<R: StoredRecord>(_ type: R.Type, _ primaryKeys: some Sequence<[TupleElement]>) throws {
        precondition(R.indexes.isEmpty, "trim skips index maintenance")
        for primaryKey in primaryKeys {
            let key = R.storedKey(primaryKey)
            if try transaction.delete(key, in: databases[R.database]) { try report(R.self, key: key, .delete) }
        }
    }

    private func checkedKey<R: StoredRecord>(_ record: R) throws -> [UInt8] {
        let key = record.storedKey
        guard key.count <= transaction.maxKeySize else {
            throw StoreError(
                .invalidInput,
                "the key of \(R.kind.name) \(TupleCodec.describe(key).prefix(120))… is \(key.count) bytes, "
                    + "over the \(transaction.maxKeySize)-byte limit; shorten its id")
        }
        return key
    }

    /// Moves each index entry whose values differ between `old` and `new`, checking unique indexes. Index
    /// values are compared first; only the entries that moved are encoded.
    private func updateIndexes<R: StoredRecord>(old: R?, new: R?, key: [UInt8]) throws {
        guard !R.indexes.isEmpty, let record = new ?? old else { return }
        if let old, let new, new.hasSameIndexValues(as: old) { return }
        lazy var primaryKey = record.primaryKey
        for index in R.indexes {
            if let old, let new, index.hasSameValues(old, new) { continue }
            let before = old.flatMap(index.values)
            let after = new.flatMap(index.values)
            guard before != after else { continue }
            if let before {
                let entry = IndexEntry(index, values: before, primaryKey: primaryKey, storedKey: key)
                _ = try transaction.delete(entry.key, in: databases.index)
            }
            guard let after else { continue }
            let entry = IndexEntry(index, values: after, primaryKey: primaryKey, storedKey: key)
            guard entry.key.count <= transaction.maxKeySize else {
                throw StoreError(
                    .invalidInput,
                    "index \(index.id) entry of \(R.kind.name) \(TupleCodec.describe(key)) is \(entry.key.count) "
                        + "bytes, over the \(transaction.maxKeySize)-byte limit; shorten the indexed values")
            }
            if index.unique, let holder = try transaction.value(in: databases.index, forKey: entry.key), holder != key {
                throw StoreError(
                    .duplicate,
                    "\(index.id) \(TupleCodec.describe(entry.key)) is already taken by \(TupleCodec.describe(holder))")
            }
            try transaction.put(entry.value, forKey: entry.key, in: databases.index)
        }
    }
}
