import CLMDB

/// A position in one database, valid only inside the transaction that opened it.
///
/// Obtain one with ``Transaction/withCursor(_:_:)``; the key and value buffers it hands out point into
/// LMDB's memory map and are valid until the cursor moves or the transaction ends.
public final class Cursor {
    private var handle: OpaquePointer?
    private unowned let transaction: Transaction
    /// The database this cursor walks.
    public let database: Database

    init(transaction: Transaction, database: Database) throws(LMDBError) {
        self.transaction = transaction
        self.database = database
        let txn = try transaction.liveHandle()
        var cursor: OpaquePointer?
        try Shim.check(
            Shim.cursorOpen(txn, database.handle, &cursor), "mdb_cursor_open",
            "database \(database) in \(transaction.environmentPath)")
        handle = cursor
    }

    func close() {
        if let handle { Shim.cursorClose(handle) }
        handle = nil
    }

    /// The current entry after a positioning operation, or `nil` at either end.
    public typealias Entry = (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)

    private func move(_ op: MDB_cursor_op, key seek: [UInt8]? = nil) throws(LMDBError) -> Entry? {
        guard let handle else {
            throw LMDBError(
                .transactionClosed,
                "cursor on database \(database) used after its transaction ended",
                operation: "mdb_cursor_get")
        }
        _ = try transaction.liveHandle()
        var key = MDB_val()
        var value = MDB_val()
        let rc: Int32
        if let seek {
            rc = seek.withUnsafeBytes { bytes in
                key = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                return Shim.cursorGet(handle, &key, &value, op)
            }
        } else {
            rc = Shim.cursorGet(handle, &key, &value, op)
        }
        if rc == MDB_NOTFOUND { return nil }
        try Shim.check(rc, "mdb_cursor_get", "database \(database) in \(transaction.environmentPath)")
        return (
            UnsafeRawBufferPointer(start: key.mv_data, count: key.mv_size),
            UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
        )
    }

    /// Moves to the first entry.
    public func first() throws(LMDBError) -> Entry? { try move(MDB_FIRST) }
    /// Moves to the last entry.
    public func last() throws(LMDBError) -> Entry? { try move(MDB_LAST) }
    /// Moves to the next entry.
    public func next() throws(LMDBError) -> Entry? { try move(MDB_NEXT) }
    /// Moves to the previous entry.
    public func previous() throws(LMDBError) -> Entry? { try move(MDB_PREV) }
    /// Moves to the first entry whose key is greater than or equal to `key` (`MDB_SET_RANGE`).
    public func seek(atLeast key: [UInt8]) throws(LMDBError) -> Entry? {
        guard !key.isEmpty else { return try first() }
        return try move(MDB_SET_RANGE, key: key)
    }

    /// Deletes the entry under the cursor; the cursor then rests on the entry that followed it.
    public func deleteCurrent() throws(LMDBError) {
        guard let handle else {
            throw LMDBError(
                .transactionClosed,
                "cursor on database \(database) used after its transaction ended",
                operation: "mdb_cursor_del")
        }
        try transaction.requireWritable("mdb_cursor_del", database)
        try Shim.check(
            Shim.cursorDel(handle), "mdb_cursor_del", "database \(database) in \(transaction.environmentPath)")
    }
}
