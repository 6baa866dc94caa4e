import Foundation
import LMDB
import LineageFormat

/// Counts and page use of one store, as `lineage stats` prints them.
public struct StoreStatistics: Sendable, Equatable, Encodable {
    /// Entry count and page use of one named database.
    public struct DatabaseUse: Sendable, Equatable, Encodable {
        /// Entries (key/value pairs).
        public var entries: Int
        /// Height of the B+tree.
        public var depth: Int
        /// Internal pages.
        public var branchPages: Int
        /// Leaf pages.
        public var leafPages: Int
        /// Pages holding values too large for a leaf.
        public var overflowPages: Int

        enum CodingKeys: String, CodingKey {
            case entries, depth, branchPages = "branch_pages", leafPages = "leaf_pages"
            case overflowPages = "overflow_pages"
        }
    }

    /// The database file.
    public var path: String
    /// The file's format version, `major.minor`.
    public var format: String
    /// The store's stable identity, which mirrored rows carry.
    public var storeID: String
    /// The change feed's first and last sequences (`nil` when it has none) and its consumers' positions.
    public var changeFeed: ChangeFeedStatistics
    /// The file's size in bytes.
    public var fileBytes: Int
    /// The memory map's current size in bytes.
    public var mapBytes: Int
    /// Bytes of the map in use (up to the last page written).
    public var usedBytes: Int
    /// The page size in bytes.
    public var pageSize: Int
    /// Reader slots in use and available.
    public var readers: Int, maxReaders: Int
    /// Entries and page use per named database (`meta`, `records`, `index`, `events`).
    public var databases: [String: DatabaseUse]
    /// Records per kind in `records`, by kind name.
    public var recordsByKind: [String: Int]
    /// Entries per secondary index, by index name.
    public var indexEntriesByIndex: [String: Int]
    /// Pages of the file in no database: free pages waiting for reuse (and the free list itself).
    public var freePages: Int

    enum CodingKeys: String, CodingKey {
        case path, format, storeID = "store_id", changeFeed = "change_feed", fileBytes = "file_bytes", mapBytes =
            "map_bytes", usedBytes = "used_bytes"
        case pageSize = "page_size", readers, maxReaders = "max_readers", databases
        case recordsByKind = "records_by_kind", indexEntriesByIndex = "index_entries_by_index"
        case freePages = "free_pages"
    }
}

/// Where the change feed stands: its bounds and how far each consumer has got.
public struct ChangeFeedStatistics: Sendable, Equatable, Encodable {
    /// The first entry's sequence, or `nil` when the feed has none.
    public var firstSequence: UInt64?
    /// The last entry's sequence, or `nil` when the feed has none.
    public var lastSequence: UInt64?
    /// Each registered consumer's position, by name.
    public var consumers: [String: UInt64]

    enum CodingKeys: String, CodingKey {
        case firstSequence = "first_sequence", lastSequence = "last_sequence", consumers
    }
}

extension LineageStore {
    /// Counts entries per database, records per kind and entries per index, in one read transaction.
    /// - Throws: `.damagedFile` when a page of the file is damaged (``checkPages(limit:)``).
    /// - Complexity: O(records): the pages are checked, then each kind's records are counted by a prefix scan
    ///   that decodes nothing.
    public func statistics() throws -> StoreStatistics {
        try requireSoundPages(before: "counting the records")
        let environmentInfo = try environment.info()
        return try read { snapshot in
            let txn = snapshot.transaction
            var databases: [String: DatabaseStatistics] = [:]
            for database in self.databases.all { databases[database.name] = try txn.statistics(of: database) }
            let uses = databases.mapValues {
                StoreStatistics.DatabaseUse(
                    entries: $0.entries, depth: $0.depth, branchPages: $0.branchPages, leafPages: $0.leafPages,
                    overflowPages: $0.overflowPages)
            }
            var byKind: [String: Int] = [:]
            for type in StoredTypes.all {
                let count = try snapshot.count(type)
                if count > 0 { byKind[type.kind.name] = count }
            }
            let unknown =
                (databases["records"]?.entries ?? 0) + (databases["events"]?.entries ?? 0)
                - byKind.values.reduce(0, +)
            if unknown > 0 { byKind["unknown"] = unknown }
            if let progress = databases["progress"], progress.entries > 0 {
                byKind[RecordKind.jobProgress.name] = progress.entries
            }
            var byIndex: [String: Int] = [:]
            for type in StoredTypes.all {
                for id in type.indexIDs {
                    let count = try txn.count(
                        self.databases.index, range: .prefix(TupleCodec.encode([.int(id.rawValue)])))
                    if count > 0 { byIndex[id.name] = count }
                }
            }
            let main = try environment.statistics()
            let used = databases.values.reduce(main.branchPages + main.leafPages + main.overflowPages) {
                $0 + $1.branchPages + $1.leafPages + $1.overflowPages
            }
            let bounds = try snapshot.changeBounds()
            let feed = ChangeFeedStatistics(
                firstSequence: bounds?.lowerBound, lastSequence: bounds?.upperBound,
                consumers: Dictionary(
                    try snapshot.changeConsumers().map { ($0.name, $0.position) }, uniquingKeysWith: { $1 }))
            let fileBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return StoreStatistics(
                path: path, format: "\(formatInfo.major).\(formatInfo.minor)", storeID: formatInfo.storeID,
                changeFeed: feed, fileBytes: fileBytes,
                mapBytes: environmentInfo.mapSize, usedBytes: (environmentInfo.lastPage + 1) * main.pageSize,
                pageSize: main.pageSize, readers: environmentInfo.readers, maxReaders: environmentInfo.maxReaders,
                databases: uses, recordsByKind: byKind, indexEntriesByIndex: byIndex,
                freePages: max(0, environmentInfo.lastPage + 1 - 2 - used))
        }
    }
}

extension LineageStore {
    /// Writes a compacted copy of the database to `destination` (`mdb_env_copy2` with `MDB_CP_COMPACT`):
    /// free pages are left out. Runs beside writers; the copy is one consistent snapshot.
    public func compactCopy(to destination: String) throws {
        do { try environment.copy(to: destination, compact: true) } catch {
            throw StoreError.wrapping(error, "compacting \(path) to \(destination)")
        }
    }
}
