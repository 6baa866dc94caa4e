import CLMDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error raised by the LMDB layer: what failed, on which file, and LMDB's own words for it.
public struct LMDBError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; compare against the static members, e.g. `error.code == .mapFull`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case notFound, keyExists, mapFull, mapResized, readersFull, databasesFull, transactionFull
            case notAnLMDBFile, versionMismatch, corrupted, panic, incompatible
            case keyTooLarge, valueTooLarge, invalidArgument
            case fileNotFound, permissionDenied, readOnly, alreadyOpen, lockConflict, noSpace, closed
            case transactionClosed, systemError, lmdbError
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// `MDB_NOTFOUND`: a named database (or other item) that must exist does not.
        public static let notFound = Code(.notFound)
        /// `MDB_KEYEXIST`: the key (or key/value pair) is already present and overwriting was refused.
        public static let keyExists = Code(.keyExists)
        /// `MDB_MAP_FULL`: the map reached its size ceiling and could not grow further.
        public static let mapFull = Code(.mapFull)
        /// `MDB_MAP_RESIZED`: another process grew the map and it could not be adopted.
        public static let mapResized = Code(.mapResized)
        /// `MDB_READERS_FULL`: every reader slot of the lock file is taken.
        public static let readersFull = Code(.readersFull)
        /// `MDB_DBS_FULL`: more named databases were opened than `maxDatabases` allows.
        public static let databasesFull = Code(.databasesFull)
        /// `MDB_TXN_FULL`: the transaction holds too many dirty pages.
        public static let transactionFull = Code(.transactionFull)
        /// `MDB_INVALID`: the file exists but is not an LMDB environment.
        public static let notAnLMDBFile = Code(.notAnLMDBFile)
        /// `MDB_VERSION_MISMATCH`: the file was written by an incompatible LMDB library version.
        public static let versionMismatch = Code(.versionMismatch)
        /// `MDB_CORRUPTED` or `MDB_PAGE_NOTFOUND`: the file is damaged.
        public static let corrupted = Code(.corrupted)
        /// `MDB_PANIC`: a fatal error occurred earlier; the environment must be closed.
        public static let panic = Code(.panic)
        /// `MDB_INCOMPATIBLE`: a named database was opened with flags it was not created with.
        public static let incompatible = Code(.incompatible)
        /// A key was empty or longer than the environment's maximum key size (511 bytes by default).
        public static let keyTooLarge = Code(.keyTooLarge)
        /// `MDB_BAD_VALSIZE`: a value was too large for its database.
        public static let valueTooLarge = Code(.valueTooLarge)
        /// `EINVAL` or a misuse of the API, such as writing in a read transaction.
        public static let invalidArgument = Code(.invalidArgument)
        /// `ENOENT`: the file does not exist (and was not to be created).
        public static let fileNotFound = Code(.fileNotFound)
        /// `EACCES`: the process may not open the file as asked.
        public static let permissionDenied = Code(.permissionDenied)
        /// A write was attempted on an environment opened read-only.
        public static let readOnly = Code(.readOnly)
        /// The same file is already open in this process; LMDB forbids opening it twice.
        public static let alreadyOpen = Code(.alreadyOpen)
        /// Another process has the data file open through a different lock file, so sharing it is unsafe.
        public static let lockConflict = Code(.lockConflict)
        /// `ENOSPC`: the file system holding the file is full.
        public static let noSpace = Code(.noSpace)
        /// The environment was closed before the operation.
        public static let closed = Code(.closed)
        /// A transaction or cursor was used after its closure returned.
        public static let transactionClosed = Code(.transactionClosed)
        /// Any other operating-system error; see `returnCode`.
        public static let systemError = Code(.systemError)
        /// Any other LMDB error; see `returnCode`.
        public static let lmdbError = Code(.lmdbError)

        public var description: String { "\(value)" }

        /// Maps an LMDB or errno return code to a code.
        static func from(returnCode rc: Int32) -> Code {
            switch rc {
            case MDB_NOTFOUND: .notFound
            case MDB_KEYEXIST: .keyExists
            case MDB_MAP_FULL: .mapFull
            case MDB_MAP_RESIZED: .mapResized
            case MDB_READERS_FULL: .readersFull
            case MDB_DBS_FULL: .databasesFull
            case MDB_TXN_FULL: .transactionFull
            case MDB_INVALID: .notAnLMDBFile
            case MDB_VERSION_MISMATCH: .versionMismatch
            case MDB_CORRUPTED, MDB_PAGE_NOTFOUND: .corrupted
            case MDB_PANIC: .panic
            case MDB_INCOMPATIBLE: .incompatible
            case MDB_BAD_VALSIZE: .valueTooLarge
            case MDB_BAD_TXN, MDB_BAD_DBI, MDB_BAD_RSLOT, EINVAL: .invalidArgument
            case ENOENT: .fileNotFound
            case EACCES, EPERM: .permissionDenied
            case EROFS: .readOnly
            case ENOSPC: .noSpace
            case MDB_KEYEXIST...MDB_LAST_ERRCODE: .lmdbError
            default: .systemError
            }
        }
    }

    /// What went wrong.
    public var code: Code
    /// The operation that failed, e.g. `mdb_put` or `open`.
    public var operation: String
    /// A message naming what failed: the file, database and key where known.
    public var message: String
    /// The raw LMDB or errno return code, when the failure came from a C call.
    public var returnCode: Int32?
    /// The error that caused this one, if any.
    public var underlying: (any Error)?

    /// Creates an error; `operation` names the C call or step that failed, `returnCode` its raw result.
    public init(
        _ code: Code, _ message: String, operation: String, returnCode: Int32? = nil, underlying: (any Error)? = nil
    ) {
        self.code = code
        self.operation = operation
        self.message = message
        self.returnCode = returnCode
        self.underlying = underlying
    }

    /// Creates an error from an LMDB return code, with LMDB's own description appended to `context`.
    init(returnCode rc: Int32, operation: String, context: String) {
        let lmdbText = String(cString: mdb_strerror(rc))
        self.init(.from(returnCode: rc), "\(context): \(lmdbText)", operation: operation, returnCode: rc)
    }

    public var description: String {
        var text = "\(code): \(message) (\(operation))"
        if let underlying { text += " (caused by: \(underlying))" }
        return text
    }
}
