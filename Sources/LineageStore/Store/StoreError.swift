import LineageFormat

/// An error raised by ``LineageStore``: what failed, naming the file, database, key, record kind or field.
public struct StoreError: CodedError {
    /// The kind of failure; compare against the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case storage, newerFormat, damagedRecord, damagedFile, notFound, invalidInput, duplicate, conflict, io,
                readOnly, pruned
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The storage layer failed; `underlying` holds the ``LMDB/LMDBError``.
        public static let storage = Code(.storage)
        /// The file was written by a newer major format version than this library reads.
        public static let newerFormat = Code(.newerFormat)
        /// A stored record failed its checksum or could not be decoded; no data was returned.
        public static let damagedRecord = Code(.damagedRecord)
        /// The file itself is damaged — truncated, or B-tree pages that do not hold together — so it cannot be
        /// read safely; `lineage verify` lists the damaged pages.
        public static let damagedFile = Code(.damagedFile)
        /// A record the operation needs does not exist.
        public static let notFound = Code(.notFound)
        /// An argument was rejected before anything was written.
        public static let invalidInput = Code(.invalidInput)
        /// A unique key is already taken.
        public static let duplicate = Code(.duplicate)
        /// The operation conflicts with the stored state (a held lease, an illegal transition).
        public static let conflict = Code(.conflict)
        /// Reading a file failed.
        public static let io = Code(.io)
        /// A write was attempted on a store opened read-only.
        public static let readOnly = Code(.readOnly)
        /// Change-feed entries asked for were removed by retention; start again from a snapshot.
        public static let pruned = Code(.pruned)

        public var description: String { "\(value)" }
    }

    /// What went wrong.
    public var code: Code
    /// A message naming what failed.
    public var message: String
    /// The error that caused this one, if any.
    public var underlying: (any Error)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// The first error in the chain of ``underlying`` errors that is not a ``StoreError`` (an
    /// ``LMDB/LMDBError``, say), or `nil` if the chain ends in a ``StoreError``.
    public var rootCause: (any Error)? {
        var cause = underlying
        while let wrapped = cause as? StoreError { cause = wrapped.underlying }
        return cause
    }

}
