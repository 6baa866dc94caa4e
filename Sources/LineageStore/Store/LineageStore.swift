import LMDB
import LineageFormat
import Synchronization

/// An open LineageStore database: one file plus its `-lock` file.
///
/// All access goes through ``read(_:)`` and ``write(_:)``; typed operations for each record family are
/// extensions of this type. A store is `Sendable`: share one instance per file across threads and tasks.
public final class LineageStore: Sendable {
    /// The canonical path of the database file.
    public let path: String
    /// The options the store was opened with.
    public let options: StoreOptions
    /// The file's format description, read or written at open.
    public let formatInfo: FormatInfo
    package let environment: Environment
    let databases: Databases
    /// The group-commit writer, started by the first write, and whether the store was closed (no writer
    /// starts after that).
    private let writerSlot = Mutex<(writer: StoreWriter?, closed: Bool)>((nil, false))

    /// The library's name and version, recorded in new files.
    public static let libraryVersion = "LineageStore 0.1.0"

    /// The store's clock.
    public var clock: any StoreClock { options.clock }

    private init(environment: Environment, databases: Databases, options: StoreOptions, formatInfo: FormatInfo) {
        self.environment = environment
        self.databases = databases
        self.options = options
        self.formatInfo = formatInfo
        self.path = environment.path
    }

    /// Opens the store at `path`, creating it unless `options.readOnly` is set.
    ///
    /// - Throws: ``StoreError`` — `.newerFormat` naming both versions when the file was written by a newer
    ///   major format, `.storage` for LMDB failures (a missing file opened read-only, a file that is not a
    ///   database), `.damagedFile` for a truncated file, `.damagedRecord` if the format description is damaged.
    public static func open(at path: String, options: StoreOptions = StoreOptions()) throws -> LineageStore {
        let environment: Environment
        do {
            environment = try Environment.open(
                EnvironmentOptions(
                    path: path, mapSize: options.mapSize, maxMapSize: options.maxMapSize,
                    readOnly: options.readOnly, durability: options.durability, fileMode: options.fileMode))
        } catch {
            throw StoreError(
                error.code == .corrupted ? .damagedFile : .storage, "cannot open \(path): \(error.message)",
                underlying: error)
        }
        do {
            try refuseForeignData(environment)
            let databases: Databases
            do {
                databases = try Databases(environment: environment)
            } catch let error as LMDBError where error.code == .notFound {
                throw StoreError(.invalidInput, "\(environment.path) is an LMDB file but not a LineageStore database")
            }
            let info = try loadOrCreateFormatInfo(environment, databases, options)
            return LineageStore(environment: environment, databases: databases, options: options, formatInfo: info)
        } catch {
            environment.close()
            throw StoreError.wrapping(error, "opening \(environment.path)")
        }
    }

    static let formatKey = TupleCodec.encode(["format"])

    /// Refuses an LMDB file that holds anything but a store's own named databases, so that neither `init` nor
    /// any other command adopts another program's database.
    private static func refuseForeignData(_ environment: Environment) throws {
        let foreign = try environment.mainDatabaseKeys().map { String(decoding: $0, as: UTF8.self) }
            .filter { !Databases.names.contains($0) }
        guard foreign.isEmpty else {
            throw StoreError(
                .invalidInput,
                "\(environment.path) is an LMDB file holding other data (\(foreign.prefix(5).joined(separator: ", "))); "
                    + "it is not a LineageStore database")
        }
    }

    private static func loadOrCreateFormatInfo(
        _ environment: Environment, _ databases: Databases, _ options: StoreOptions
    ) throws -> FormatInfo {
        let context = "format description (\"format\") in database 'meta' of \(environment.path)"
        let stored = try environment.read { txn in
            try txn.withValue(in: databases.meta, forKey: formatKey) { bytes in
                try bytes.map { bytes in
                    do { return try FormatInfo(record: bytes, context: context) } catch {
                        throw StoreError.wrapping(error, context)
                    }
                }
            }
        }
        if let stored {
            guard stored.major <= UInt64(FormatVersion.major) else {
                throw StoreError(
                    .newerFormat,
                    "\(environment.path) was written by format version \(stored.major); "
                        + "this library reads up to version \(FormatVersion.major)")
            }
            guard !options.readOnly else { return stored }
            guard stored.major < UInt64(FormatVersion.major) || stored.minor <= UInt64(FormatVersion.minor) else {
                throw StoreError(
                    .newerFormat,
                    "\(environment.path) is format \(stored.major).\(stored.minor), whose indexes this library "
                        + "(format \(FormatVersion.major).\(FormatVersion.minor)) would not keep; open it read-only "
                        + "or with a newer library")
            }
            return try FormatUpgrade.upgrade(environment, databases, stored, now: options.clock.now())
        }
        guard !options.readOnly else {
            throw StoreError(
                .invalidInput, "\(environment.path) has no format description; it is not a LineageStore database")
        }
        let info = FormatInfo(
            major: UInt64(FormatVersion.major), minor: UInt64(FormatVersion.minor), createdAt: options.clock.now(),
            createdBy: libraryVersion, storeID: RecordID.mint(at: options.clock.now()), feedFromCreation: true)
        try environment.write { txn in
            try txn.put(info.encodedRecord(), forKey: formatKey, in: databases.meta, options: .noOverwrite)
        }
        return info
    }

    deinit { writerSlot.withLock { $0.writer?.close(wait: false) } }

    /// Closes the store after the writer has committed everything submitted; later calls fail with a
    /// `.storage` error. Idempotent.
    public func close() {
        writerSlot.withLock { slot in
            slot.writer?.close()
            slot = (nil, true)
        }
        environment.close()
    }

    /// Runs `body` over a consistent snapshot. Keep it short; never store the snapshot.
    public func read<T>(_ body: (Snapshot) throws -> T) throws -> T {
        do {
            return try environment.read { txn in
                let snapshot = Snapshot(
                    transaction: txn, databases: databases, path: path, now: clock.now(),
                    formatMinor: formatInfo.minor)
                return try body(snapshot)
            }
        } catch {
            throw StoreError.wrapping(error, "reading \(path)")
        }
    }

    /// Runs `body` in one write transaction that commits when it returns and changes nothing if it throws,
    /// and returns once that transaction has committed.
    ///
    /// Every write goes through the store's group-commit writer thread: bodies submitted at the same time
    /// from many threads commit together, each in a nested transaction of its own, so they share one `fsync`
    /// while a body that throws still discards only its own changes. `body` may run more than once (after
    /// the map grows), so it must have no effects outside the store; it must not start another write.
    public func write<T>(_ body: (WriteContext) throws -> T) throws -> T {
        let writer = try writer()
        do {
            var value: T?
            try writer.perform { value = try body($0) }
            return value!
        } catch {
            throw StoreError.wrapping(error, "writing \(path)")
        }
    }

    /// ``write(_:)`` for async callers: suspends, instead of blocking a thread, until the transaction that ran
    /// `body` has committed.
    public func write<T: Sendable>(_ body: @escaping @Sendable (WriteContext) throws -> T) async throws -> T {
        let writer = try writer()
        let value = WriteResult<T>()
        do {
            try await writer.perform { value.value = try body($0) }
            return value.value!
        } catch {
            throw StoreError.wrapping(error, "writing \(path)")
        }
    }

    /// Runs `body` in a write transaction on the calling thread; only the writer thread calls this.
    func transaction<T>(_ body: (WriteContext) throws -> T) throws -> T {
        try environment.write { txn in
            try body(
                WriteContext(
                    transaction: txn, databases: databases, path: path, now: clock.now(),
                    formatMinor: formatInfo.minor, changes: ChangeRecorder(database: databases.changes)))
        }
    }

    /// The store's group-commit writer, started on first use.
    func writer() throws -> StoreWriter {
        guard !options.readOnly else { throw StoreError(.readOnly, "\(path) is open read-only") }
        return try writerSlot.withLock { slot in
            guard !slot.closed else { throw StoreError(.storage, "\(path) is closed") }
            if let writer = slot.writer { return writer }
            let writer = StoreWriter(
                store: self, capacity: options.ingestQueueCapacity, retention: options.eventRetention,
                pace: options.progressEventPace, cacheBytes: options.writerCacheBytes)
            slot.writer = writer
            return writer
        }
    }

    /// Flushes committed data to disk; needed only with `.relaxed` or `.unsafeFast` durability.
    public func sync() throws {
        do { try environment.sync() } catch { throw StoreError.wrapping(error, "syncing \(path)") }
    }
}

/// The value an async ``LineageStore/write(_:)`` body returned, set on the writer thread and read by the
/// caller after the commit has resumed it.
private final class WriteResult<T>: @unchecked Sendable {
    var value: T?
}

extension StoreError {
    /// `error` itself if it is a ``StoreError``, else a `.storage`, `.newerFormat` or `.damagedRecord` error
    /// wrapping it.
    static func wrapping(_ error: any Error, _ what: String) -> StoreError {
        switch error {
        case let error as StoreError: error
        case let error as FormatError where error.code == .unsupportedFormatVersion:
            StoreError(.newerFormat, error.message, underlying: error)
        case let error as FormatError: StoreError(.damagedRecord, "\(what): \(error.message)", underlying: error)
        case let error as LMDBError where error.code == .corrupted:
            StoreError(.damagedFile, "\(what): \(error.message)", underlying: error)
        case let error as LMDBError: StoreError(.storage, "\(what): \(error.message)", underlying: error)
        default: StoreError(.storage, "\(what): \(error)", underlying: error)
        }
    }
}
