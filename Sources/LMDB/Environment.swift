import CLMDB
import Synchronization

/// An open LMDB environment: one database file (`MDB_NOSUBDIR`) and its `-lock` file.
///
/// Reads and writes happen only inside ``read(_:)`` and ``write(_:)``, whose transaction cannot outlive
/// the closure. Writes that fill the map are aborted, the map grows geometrically up to
/// ``EnvironmentOptions/maxMapSize``, and the write closure runs again, so callers never see `MDB_MAP_FULL`
/// below the ceiling. Environments are `MDB_NOTLS`, so read transactions may be used from any thread.
public final class Environment: @unchecked Sendable {
    /// The options the environment was opened with.
    public let options: EnvironmentOptions
    /// The canonical absolute path of the database file.
    public let path: String
    /// The largest key this environment accepts (`mdb_env_get_maxkeysize`, 511 bytes by default).
    public let maxKeySize: Int
    /// The number of stale reader slots of dead processes cleared when the environment opened.
    public let staleReadersCleared: Int

    private var handle: OpaquePointer?
    let openerLocks: OpenerLocks
    /// Held shared by every transaction, exclusively to change the map size or close.
    private let lock = ReadWriteLock()
    private let growthCount = Atomic<Int>(0)

    private init(
        options: EnvironmentOptions, path: String, handle: OpaquePointer, openerLocks: OpenerLocks, staleReaders: Int
    ) {
        self.options = options
        self.path = path
        self.handle = handle
        self.openerLocks = openerLocks
        self.maxKeySize = Int(Shim.envMaxKeySize(handle))
        self.staleReadersCleared = staleReaders
    }

    /// Opens (and, unless read-only, creates) the environment described by `options`.
    /// - Throws: ``LMDBError`` naming the file: `fileNotFound` for a read-only open of a missing file,
    ///   `notAnLMDBFile` for a file LMDB does not recognise or an empty one, `alreadyOpen` if this process has
    ///   it open, `lockConflict` if another process has it open through a different lock file, `noSpace` if
    ///   the lock file cannot be given its space, `corrupted` if the file ends before its last page.
    public static func open(_ options: EnvironmentOptions) throws(LMDBError) -> Environment {
        let path = EnvironmentRegistry.canonicalPath(options.path)
        try EnvironmentRegistry.reserve(path)
        do throws(LMDBError) {
            let locks = try OpenerLocks.acquire(path, options)
            var env: OpaquePointer?
            do throws(LMDBError) {
                try MetaPage.requireWholeFile(locks.dataDescriptor, path)
                try Shim.check(Shim.envCreate(&env), "mdb_env_create", path)
                guard let env else {
                    throw LMDBError(.systemError, "\(path): no handle", operation: "mdb_env_create")
                }
                do throws(LMDBError) {
                    try configure(env, options, path)
                    var dead: Int32 = 0
                    try Shim.check(Shim.readerCheck(env, &dead), "mdb_reader_check", path)
                    return Environment(
                        options: options, path: path, handle: env, openerLocks: locks, staleReaders: Int(dead))
                } catch {
                    Shim.envClose(env)
                    throw error
                }
            } catch {
                locks.abandon()
                throw error
            }
        } catch {
            EnvironmentRegistry.release(path)
            throw error
        }
    }

    private static func configure(_ env: OpaquePointer, _ options: EnvironmentOptions, _ path: String)
        throws(LMDBError)
    {
        try Shim.check(Shim.envSetMapSize(env, options.mapSize), "mdb_env_set_mapsize", path)
        try Shim.check(Shim.envSetMaxDBs(env, UInt32(options.maxDatabases)), "mdb_env_set_maxdbs", path)
        try Shim.check(Shim.envSetMaxReaders(env, UInt32(options.maxReaders)), "mdb_env_set_maxreaders", path)
        var flags = UInt32(MDB_NOSUBDIR) | UInt32(MDB_NOTLS) | options.durability.flags
        if options.readOnly { flags |= UInt32(MDB_RDONLY) }
        let rc = Shim.envOpen(env, path, flags, options.fileMode)
        switch rc {
        case 0: return
        case MDB_INVALID:
            throw LMDBError(returnCode: rc, operation: "mdb_env_open", context: "\(path) is not an LMDB database")
        default:
            try Shim.check(rc, "mdb_env_open", path)
        }
    }

    deinit { close() }

    /// Closes the environment, waiting for running transactions of other threads to end. Idempotent.
    public func close() {
        lock.withExclusive {
            guard let handle else { return }
            Shim.envClose(handle)
            self.handle = nil
            openerLocks.release()
            EnvironmentRegistry.release(path)
        }
    }

    func liveHandle(_ operation: String) throws(LMDBError) -> OpaquePointer {
        guard let handle else {
            throw LMDBError(.closed, "\(path) was closed", operation: operation)
        }
        return handle
    }

    /// Opens (creating it unless the environment is read-only) the named database `name`.
    public func openDatabase(_ name: String, flags: DatabaseFlags = [.create]) throws -> Database {
        var flags = flags
        if options.readOnly { flags.remove(.create) }
        let open = { (txn: Transaction) throws -> Database in
            var dbi = MDB_dbi()
            try Shim.check(
                Shim.dbiOpen(try txn.liveHandle(), name, flags.rawValue, &dbi), "mdb_dbi_open",
                "database '\(name)' in \(self.path)")
            return Database(name: name, handle: dbi)
        }
        return try options.readOnly ? read(open) : write(open)
    }

    /// The keys of the unnamed main database, where LMDB keeps the names of the named databases; anything
    /// else there was written by another program. At most `limit` keys, in byte order.
    public func mainDatabaseKeys(limit: Int = 64) throws -> [[UInt8]] {
        try read { txn in
            var dbi = MDB_dbi()
            try Shim.check(
                Shim.dbiOpen(try txn.liveHandle(), nil, 0, &dbi), "mdb_dbi_open", "the main database of \(path)")
            var keys: [[UInt8]] = []
            try txn.scan(Database(name: "", handle: dbi)) { key, _ in
                keys.append(Array(key))
                return keys.count < limit
            }
            return keys
        }
    }

    /// Runs `body` in a read transaction over a consistent snapshot and returns its result.
    ///
    /// Keep it short: a long read transaction keeps old pages from being reused by writers.
    public func read<T>(_ body: (Transaction) throws -> T) throws -> T {
        try run(readOnly: true, body)
    }

    /// Runs `body` in a write transaction: commits when it returns, aborts when it throws.
    ///
    /// If the map fills up, the transaction is aborted, the map grows and `body` runs again from the
    /// start, so `body` must have no effects outside the transaction. Write transactions are serialised
    /// across threads and processes by LMDB; do not start one inside a ``read(_:)`` on the same thread.
    public func write<T>(_ body: (Transaction) throws -> T) throws -> T {
        if options.readOnly {
            throw LMDBError(.readOnly, "\(path) is open read-only", operation: "mdb_txn_begin")
        }
        return try run(readOnly: false, body)
    }

    /// Runs `body` in a transaction that commits when it returns and aborts when it throws, adopting another
    /// process's map growth before it begins and, for writes, growing the map and replaying after
    /// `MDB_MAP_FULL`. Read transactions commit too: that keeps the handles of databases opened in them.
    private func run<T>(readOnly: Bool, _ body: (Transaction) throws -> T) throws -> T {
        while true {
            var mustGrow = false
            let outcome: Result<T, any Error>? = lock.withShared {
                let txn: Transaction
                do {
                    guard let begun = try begin(readOnly: readOnly) else { return nil }
                    txn = begun
                } catch { return .failure(error) }
                do {
                    let value = try body(txn)
                    try txn.commit()
                    return .success(value)
                } catch {
                    txn.abort()
                    mustGrow = txn.hitMapFull
                    return .failure(error)
                }
            }
            guard let outcome else {
                try adoptForeignGrowth()
                continue
            }
            if mustGrow {
                try grow(after: outcome)
                continue
            }
            return try outcome.get()
        }
    }

    /// Begins a transaction, or returns `nil` when another process grew the map (`MDB_MAP_RESIZED`) and
    /// the new size must be adopted first.
    private func begin(readOnly: Bool) throws(LMDBError) -> Transaction? {
        let env = try liveHandle("mdb_txn_begin")
        var txn: OpaquePointer?
        let rc = Shim.txnBegin(env, readOnly ? UInt32(MDB_RDONLY) : 0, &txn)
        if rc == MDB_MAP_RESIZED { return nil }
        try Shim.check(rc, "mdb_txn_begin", path)
        return Transaction(environment: self, handle: txn!, readOnly: readOnly)
    }

    /// Adopts the map size another process set, with no transaction of this process active.
    private func adoptForeignGrowth() throws {
        try lock.withExclusive { () throws -> Void in
            let env = try liveHandle("mdb_env_set_mapsize")
            try Shim.check(Shim.envSetMapSize(env, 0), "mdb_env_set_mapsize", "adopting the map size of \(path)")
        }
    }

    private func grow<T>(after outcome: Result<T, any Error>) throws {
        try lock.withExclusive { () throws -> Void in
            let env = try liveHandle("mdb_env_set_mapsize")
            let current = try info().mapSize
            guard current < options.maxMapSize else {
                throw LMDBError(
                    .mapFull,
                    "\(path) reached its map size ceiling of \(options.maxMapSize) bytes",
                    operation: "mdb_env_set_mapsize",
                    underlying: outcome.failureValue)
            }
            let next = min(max(current * 2, current + (1 << 20)), options.maxMapSize)
            try Shim.check(Shim.envSetMapSize(env, next), "mdb_env_set_mapsize", "growing \(path) to \(next) bytes")
            growthCount.add(1, ordering: .relaxed)
        }
    }

    /// How many times this environment has grown its map since it opened.
    public var growths: Int { growthCount.load(ordering: .relaxed) }

    /// Flushes committed data to disk; needed only under ``Durability/relaxed`` or ``Durability/unsafeFast``.
    public func sync(force: Bool = true) throws(LMDBError) {
        try Shim.check(Shim.envSync(try liveHandle("mdb_env_sync"), force: force), "mdb_env_sync", path)
    }

    /// The map size, page use and reader table.
    public func info() throws(LMDBError) -> EnvironmentInfo {
        var info = MDB_envinfo()
        try Shim.check(Shim.envInfo(try liveHandle("mdb_env_info"), &info), "mdb_env_info", path)
        return EnvironmentInfo(
            mapSize: info.me_mapsize, lastPage: info.me_last_pgno, lastTransactionID: info.me_last_txnid,
            maxReaders: Int(info.me_maxreaders), readers: Int(info.me_numreaders))
    }

    /// Page use of the environment's main database (which lists the named databases).
    public func statistics() throws(LMDBError) -> DatabaseStatistics {
        var stat = MDB_stat()
        try Shim.check(Shim.envStat(try liveHandle("mdb_env_stat"), &stat), "mdb_env_stat", path)
        return DatabaseStatistics(stat)
    }

    /// Writes a consistent copy of the environment to a new file at `destination`; with `compact`, free
    /// pages are omitted and pages renumbered (`MDB_CP_COMPACT`).
    public func copy(to destination: String, compact: Bool) throws(LMDBError) {
        let env = try liveHandle("mdb_env_copy2")
        try Shim.check(
            Shim.envCopy(env, destination, compact ? UInt32(MDB_CP_COMPACT) : 0), "mdb_env_copy2",
            "copying \(path) to \(destination)")
    }
}

extension Result {
    fileprivate var failureValue: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
