import CLMDB

/// A read or write transaction, valid only inside the closure passed to ``Environment/read(_:)`` or
/// ``Environment/write(_:)``. Using it after the closure returns throws ``LMDBError/Code/transactionClosed``.
///
/// A transaction is not `Sendable`: it stays with the closure that received it.
public final class Transaction {
    private var handle: OpaquePointer?
    private let environment: Environment
    /// Whether this is a read-only transaction.
    public let isReadOnly: Bool
    /// Set when LMDB reported `MDB_MAP_FULL` in this transaction or a nested one; the environment then grows
    /// the map and replays the write.
    package private(set) var hitMapFull = false
    private var openCursors: [Cursor] = []

    init(environment: Environment, handle: OpaquePointer, readOnly: Bool) {
        self.environment = environment
        self.handle = handle
        self.isReadOnly = readOnly
    }

    var environmentPath: String { environment.path }
    /// The largest key this transaction's environment accepts.
    public var maxKeySize: Int { environment.maxKeySize }

    func liveHandle() throws(LMDBError) -> OpaquePointer {
        guard let handle else {
            throw LMDBError(
                .transactionClosed,
                "a transaction on \(environment.path) was used after its closure returned",
                operation: "transaction")
        }
        return handle
    }

    func requireWritable(_ operation: String, _ database: Database) throws(LMDBError) {
        if isReadOnly {
            throw LMDBError(
                .readOnly,
                "database \(database) in \(environment.path) cannot be changed in a read transaction",
                operation: operation)
        }
    }

    /// Runs `body` in a transaction nested in this write transaction: its changes join this one when `body`
    /// returns and are discarded when it throws, while this transaction goes on. Use only the nested
    /// transaction inside `body`. When the map fills up inside `body`, ``hitMapFull`` is set here too: the
    /// whole outer transaction must then end with an error, so the environment grows the map and replays it.
    package func nested<T>(_ body: (Transaction) throws -> T) throws -> T {
        guard !isReadOnly else {
            throw LMDBError(
                .readOnly, "a read transaction on \(environment.path) cannot nest a write", operation: "mdb_txn_begin")
        }
        var child: OpaquePointer?
        try Shim.check(
            Shim.txnBegin(try environment.liveHandle("mdb_txn_begin"), parent: try liveHandle(), 0, &child),
            "mdb_txn_begin", "a nested transaction in \(environment.path)")
        let nested = Transaction(environment: environment, handle: child!, readOnly: false)
        do {
            let value = try body(nested)
            try nested.commit()
            return value
        } catch {
            nested.abort()
            if nested.hitMapFull { hitMapFull = true }
            throw error
        }
    }

    /// Commits and invalidates the transaction.
    func commit() throws(LMDBError) {
        let handle = try liveHandle()
        closeCursors()
        self.handle = nil
        let rc = Shim.txnCommit(handle, of: environment.path)
        if rc == MDB_MAP_FULL { hitMapFull = true }
        try Shim.check(rc, "mdb_txn_commit", environment.path)
    }

    /// Aborts and invalidates the transaction; harmless if already ended.
    func abort() {
        guard let handle else { return }
        closeCursors()
        self.handle = nil
        Shim.txnAbort(handle)
    }

    private func closeCursors() {
        for cursor in openCursors { cursor.close() }
        openCursors.removeAll()
    }

    /// The id of this transaction's snapshot (`mdb_txn_id`).
    public var id: Int {
        get throws(LMDBError) { Shim.txnID(try liveHandle()) }
    }

    private func checkKey(_ key: [UInt8], _ operation: String, _ database: Database) throws(LMDBError) {
        if !isStorable(key) {
            throw LMDBError(
                .keyTooLarge,
                "key of \(key.count) bytes in database \(database) of \(environment.path) is outside "
                    + "LMDB's limits (1...\(environment.maxKeySize) bytes)",
                operation: operation)
        }
    }

    /// Whether `key` is one LMDB can store: a key outside its limits is never present, so a lookup of one
    /// answers "absent" instead of failing.
    private func isStorable(_ key: [UInt8]) -> Bool { !key.isEmpty && key.count <= environment.maxKeySize }

    /// Calls `body` with the value stored under `key`, or `nil`, without copying it out of the map; `nil` too
    /// for a key outside LMDB's limits, which nothing can be stored under.
    ///
    /// The buffer is valid only during `body`.
    public func withValue<R>(
        in database: Database, forKey key: [UInt8], _ body: (UnsafeRawBufferPointer?) throws -> R
    ) throws -> R {
        guard isStorable(key) else { return try body(nil) }
        let txn = try liveHandle()
        var value = MDB_val()
        let rc = key.withUnsafeBytes { bytes in
            var mdbKey = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            return Shim.get(txn, database.handle, &mdbKey, &value)
        }
        if rc == MDB_NOTFOUND { return try body(nil) }
        try Shim.check(rc, "mdb_get", "database \(database) in \(environment.path)")
        return try body(UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size))
    }

    /// The value stored under `key`, copied, or `nil` if the key is absent.
    public func value(in database: Database, forKey key: [UInt8]) throws -> [UInt8]? {
        try withValue(in: database, forKey: key) { $0.map { Array($0) } }
    }

    /// Stores `value` under `key`.
    /// - Throws: ``LMDBError`` with `keyExists` under `.noOverwrite`, `keyTooLarge`, `readOnly`, or `mapFull`
    ///   when the ceiling is reached (below the ceiling the environment grows and replays instead).
    public func put(_ value: [UInt8], forKey key: [UInt8], in database: Database, options: PutOptions = [])
        throws(LMDBError)
    {
        try requireWritable("mdb_put", database)
        try checkKey(key, "mdb_put", database)
        let txn = try liveHandle()
        let rc = key.withUnsafeBytes { keyBytes in
            value.withUnsafeBytes { valueBytes in
                var mdbKey = MDB_val(
                    mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
                var mdbValue = MDB_val(
                    mv_size: valueBytes.count, mv_data: UnsafeMutableRawPointer(mutating: valueBytes.baseAddress))
                return Shim.put(txn, database.handle, &mdbKey, &mdbValue, options.rawValue, of: environment.path)
            }
        }
        if rc == MDB_MAP_FULL { hitMapFull = true }
        try Shim.check(rc, "mdb_put", "key of \(key.count) bytes in database \(database) of \(environment.path)")
    }

    /// Deletes `key`; returns whether it was present (never, for a key outside LMDB's limits).
    @discardableResult
    public func delete(_ key: [UInt8], in database: Database) throws(LMDBError) -> Bool {
        try requireWritable("mdb_del", database)
        guard isStorable(key) else { return false }
        let txn = try liveHandle()
        let rc = key.withUnsafeBytes { bytes in
            var mdbKey = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            return Shim.del(txn, database.handle, &mdbKey)
        }
        if rc == MDB_NOTFOUND { return false }
        if rc == MDB_MAP_FULL { hitMapFull = true }
        try Shim.check(rc, "mdb_del", "key of \(key.count) bytes in database \(database) of \(environment.path)")
        return true
    }

    /// Removes every entry of `database`, keeping the database itself.
    public func clear(_ database: Database) throws(LMDBError) {
        try requireWritable("mdb_drop", database)
        try Shim.check(
            Shim.drop(try liveHandle(), database.handle, delete: false), "mdb_drop",
            "database \(database) in \(environment.path)")
    }

    /// Entry counts and page usage of `database` as this transaction sees it.
    public func statistics(of database: Database) throws(LMDBError) -> DatabaseStatistics {
        var stat = MDB_stat()
        try Shim.check(
            Shim.dbiStat(try liveHandle(), database.handle, &stat), "mdb_stat",
            "database \(database) in \(environment.path)")
        return DatabaseStatistics(stat)
    }

    /// Calls `body` with a cursor on `database`; the cursor is closed when `body` returns.
    public func withCursor<R>(_ database: Database, _ body: (Cursor) throws -> R) throws -> R {
        let cursor = try Cursor(transaction: self, database: database)
        openCursors.append(cursor)
        defer {
            cursor.close()
            openCursors.removeAll { $0 === cursor }
        }
        return try body(cursor)
    }

    /// Visits the entries of `database` within `range`, in `direction` order, until `body` returns `false`.
    ///
    /// The buffers point into the map and are valid only during the call to `body`.
    /// - Complexity: O(log n) to find the start, then O(1) per entry.
    public func scan(
        _ database: Database, range: KeyRange = .all, direction: ScanDirection = .forward,
        _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        try withCursor(database) { cursor in
            var entry: Cursor.Entry?
            switch direction {
            case .forward:
                entry = try range.lower.map { try cursor.seek(atLeast: $0.key) } ?? cursor.first()
                if let current = entry, !range.isAboveLower(current.key) { entry = try cursor.next() }
                while let current = entry, range.isBelowUpper(current.key) {
                    guard try body(current.key, current.value) else { return }
                    entry = try cursor.next()
                }
            case .backward:
                if let upper = range.upper {
                    entry = try cursor.seek(atLeast: upper.key)
                    entry = try entry == nil ? cursor.last() : entry
                    if let current = entry, !range.isBelowUpper(current.key) { entry = try cursor.previous() }
                } else {
                    entry = try cursor.last()
                }
                while let current = entry, range.isAboveLower(current.key) {
                    guard try body(current.key, current.value) else { return }
                    entry = try cursor.previous()
                }
            }
        }
    }

    /// The number of entries of `database` within `range`.
    /// - Complexity: O(n) in the entries of the range; O(1) for ``KeyRange/all``.
    public func count(_ database: Database, range: KeyRange = .all) throws -> Int {
        if range == .all { return try statistics(of: database).entries }
        var total = 0
        try scan(database, range: range) { _, _ in
            total += 1
            return true
        }
        return total
    }
}
