import CLMDB

/// Thin shims over every LMDB C call the layer makes: one place to trace or inject faults
/// (``FaultInjection`` arms failures of `mdb_put` and `mdb_txn_commit`).
///
/// Each returns LMDB's raw return code; callers turn non-zero codes into ``LMDBError`` with `check`.
enum Shim {
    static func envCreate(_ env: inout OpaquePointer?) -> Int32 { mdb_env_create(&env) }
    static func envSetMapSize(_ env: OpaquePointer, _ size: Int) -> Int32 { mdb_env_set_mapsize(env, size) }
    static func envSetMaxDBs(_ env: OpaquePointer, _ count: UInt32) -> Int32 { mdb_env_set_maxdbs(env, count) }
    static func envSetMaxReaders(_ env: OpaquePointer, _ count: UInt32) -> Int32 { mdb_env_set_maxreaders(env, count) }
    static func envOpen(_ env: OpaquePointer, _ path: String, _ flags: UInt32, _ mode: mdb_mode_t) -> Int32 {
        mdb_env_open(env, path, flags, mode)
    }
    static func envClose(_ env: OpaquePointer) { mdb_env_close(env) }
    static func envSync(_ env: OpaquePointer, force: Bool) -> Int32 { mdb_env_sync(env, force ? 1 : 0) }
    static func envInfo(_ env: OpaquePointer, _ info: inout MDB_envinfo) -> Int32 { mdb_env_info(env, &info) }
    static func envStat(_ env: OpaquePointer, _ stat: inout MDB_stat) -> Int32 { mdb_env_stat(env, &stat) }
    static func envMaxKeySize(_ env: OpaquePointer) -> Int32 { mdb_env_get_maxkeysize(env) }
    static func envCopy(_ env: OpaquePointer, _ path: String, _ flags: UInt32) -> Int32 {
        mdb_env_copy2(env, path, flags)
    }
    static func readerCheck(_ env: OpaquePointer, _ dead: inout Int32) -> Int32 { mdb_reader_check(env, &dead) }

    static func txnBegin(
        _ env: OpaquePointer, parent: OpaquePointer? = nil, _ flags: UInt32, _ txn: inout OpaquePointer?
    ) -> Int32 {
        mdb_txn_begin(env, parent, flags, &txn)
    }
    static func txnCommit(_ txn: OpaquePointer, of path: String) -> Int32 {
        if let code = FaultInjection.injected(.commit, path) {
            mdb_txn_abort(txn)
            return code
        }
        return mdb_txn_commit(txn)
    }
    static func txnAbort(_ txn: OpaquePointer) { mdb_txn_abort(txn) }
    static func txnID(_ txn: OpaquePointer) -> Int { mdb_txn_id(txn) }

    static func dbiOpen(_ txn: OpaquePointer, _ name: String?, _ flags: UInt32, _ dbi: inout MDB_dbi) -> Int32 {
        mdb_dbi_open(txn, name, flags, &dbi)
    }
    static func dbiStat(_ txn: OpaquePointer, _ dbi: MDB_dbi, _ stat: inout MDB_stat) -> Int32 {
        mdb_stat(txn, dbi, &stat)
    }
    static func drop(_ txn: OpaquePointer, _ dbi: MDB_dbi, delete: Bool) -> Int32 {
        mdb_drop(txn, dbi, delete ? 1 : 0)
    }

    static func get(_ txn: OpaquePointer, _ dbi: MDB_dbi, _ key: inout MDB_val, _ value: inout MDB_val) -> Int32 {
        mdb_get(txn, dbi, &key, &value)
    }
    static func put(
        _ txn: OpaquePointer, _ dbi: MDB_dbi, _ key: inout MDB_val, _ value: inout MDB_val, _ flags: UInt32,
        of path: String
    ) -> Int32 {
        if let code = FaultInjection.injected(.put, path) { return code }
        return mdb_put(txn, dbi, &key, &value, flags)
    }
    static func del(_ txn: OpaquePointer, _ dbi: MDB_dbi, _ key: inout MDB_val) -> Int32 {
        mdb_del(txn, dbi, &key, nil)
    }

    static func cursorOpen(_ txn: OpaquePointer, _ dbi: MDB_dbi, _ cursor: inout OpaquePointer?) -> Int32 {
        mdb_cursor_open(txn, dbi, &cursor)
    }
    static func cursorClose(_ cursor: OpaquePointer) { mdb_cursor_close(cursor) }
    static func cursorGet(
        _ cursor: OpaquePointer, _ key: inout MDB_val, _ value: inout MDB_val, _ op: MDB_cursor_op
    ) -> Int32 {
        mdb_cursor_get(cursor, &key, &value, op)
    }
    static func cursorDel(_ cursor: OpaquePointer) -> Int32 { mdb_cursor_del(cursor, 0) }

    /// Throws an ``LMDBError`` for a non-zero return code.
    static func check(_ rc: Int32, _ operation: String, _ context: @autoclosure () -> String) throws(LMDBError) {
        if rc != 0 { throw LMDBError(returnCode: rc, operation: operation, context: context()) }
    }
}
