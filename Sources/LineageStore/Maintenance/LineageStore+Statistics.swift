import LMDB
import LineageFormat

/// Size and usage of a store file, as `lineage stats` prints it.
public struct StoreStatistics: Sendable, Equatable {
    /// Entry counts and page use per named database (`meta`, `records`, `index`, `events`).
    public var databases: [String: DatabaseStatistics]
    /// Records per kind in `records`, by kind name.
    public var recordsByKind: [String: Int]
    /// Entries per secondary index, by index name.
    public var indexEntriesByIndex: [String: Int]
    /// Pages of the file in no database: free pages waiting for reuse (and the free list itself).
    public var freePages: Int
    /// The map's size and use, and the reader table.
    public var environment: EnvironmentInfo
    /// The page size in bytes.
    public var pageSize: Int
}

extension LineageStore {
    /// Counts entries per database, records per kind and entries per index, in one read transaction.
    /// - Complexity: O(records): each kind's records are counted by a prefix scan that decodes nothing.
    public func statistics() throws -> StoreStatistics {
        let environmentInfo = try environment.info()
        return try read { snapshot in
            let txn = snapshot.transaction
            var databases: [String: DatabaseStatistics] = [:]
            for database in self.databases.all { databases[database.name] = try txn.statistics(of: database) }
            var byKind: [String: Int] = [:]
            for type in StoredTypes.all {
                let count = try snapshot.count(type)
                if count > 0 { byKind[type.kind.name] = count }
            }
            let unknown =
                (databases["records"]?.entries ?? 0) + (databases["events"]?.entries ?? 0)
                - byKind.values.reduce(0, +)
            if unknown > 0 { byKind["unknown"] = unknown }
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
            return StoreStatistics(
                databases: databases, recordsByKind: byKind, indexEntriesByIndex: byIndex,
                freePages: max(0, environmentInfo.lastPage + 1 - 2 - used), environment: environmentInfo,
                pageSize: main.pageSize)
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
