import CLMDB

/// A named database inside an ``Environment`` (an `MDB_dbi`).
///
/// Handles are valid for the life of the environment that opened them.
public struct Database: Hashable, Sendable, CustomStringConvertible {
    /// The database's name in the environment.
    public let name: String
    /// The raw `MDB_dbi` handle.
    package let handle: MDB_dbi

    public var description: String { "'\(name)'" }
}

/// Options of a named database, fixed when it is created (`mdb_dbi_open` flags).
public struct DatabaseFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `MDB_CREATE`: create the database if it does not exist.
    public static let create = DatabaseFlags(rawValue: UInt32(MDB_CREATE))
    /// `MDB_DUPSORT`: a key may hold several sorted values.
    public static let duplicateSort = DatabaseFlags(rawValue: UInt32(MDB_DUPSORT))
}

/// Options of a single `put` (`mdb_put` flags).
public struct PutOptions: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `MDB_NOOVERWRITE`: fail with ``LMDBError/Code/keyExists`` if the key is present.
    public static let noOverwrite = PutOptions(rawValue: UInt32(MDB_NOOVERWRITE))
    /// `MDB_NODUPDATA`: in a `duplicateSort` database, fail if the key/value pair is present.
    public static let noDuplicateData = PutOptions(rawValue: UInt32(MDB_NODUPDATA))
    /// `MDB_APPEND`: the key sorts after every key present; a fast path for sequential loads.
    public static let append = PutOptions(rawValue: UInt32(MDB_APPEND))
}

/// Counts and page usage of one database or of the whole environment (`MDB_stat`).
public struct DatabaseStatistics: Sendable, Equatable {
    /// The number of key/value entries.
    public var entries: Int
    /// The B-tree depth.
    public var depth: Int
    /// Pages used by branches, leaves and overflow values.
    public var branchPages: Int, leafPages: Int, overflowPages: Int
    /// The page size in bytes.
    public var pageSize: Int

    init(_ stat: MDB_stat) {
        entries = stat.ms_entries
        depth = Int(stat.ms_depth)
        branchPages = stat.ms_branch_pages
        leafPages = stat.ms_leaf_pages
        overflowPages = stat.ms_overflow_pages
        pageSize = Int(stat.ms_psize)
    }

    /// Bytes occupied by this database's pages.
    public var usedBytes: Int { (branchPages + leafPages + overflowPages) * pageSize }
}

/// The state of an environment's map and reader table (`MDB_envinfo`).
public struct EnvironmentInfo: Sendable, Equatable {
    /// The current map size in bytes.
    public var mapSize: Int
    /// The highest page number in use; `(lastPage + 1) * pageSize` bytes of the map are used.
    public var lastPage: Int
    /// The id of the last committed transaction.
    public var lastTransactionID: Int
    /// The size of the reader table and how many slots are in use.
    public var maxReaders: Int, readers: Int
}
