import LMDB

/// Size and usage of a store file, as `lineage stats` prints it.
public struct StoreStatistics: Sendable, Equatable {
    /// Entry counts and page use per named database (`meta`, `records`, `index`, `events`).
    public var databases: [String: DatabaseStatistics]
    /// Records per kind in `records`, by kind name.
    public var recordsByKind: [String: Int]
    /// The map's size and use, and the reader table.
    public var environment: EnvironmentInfo
}

extension LineageStore {
    /// Counts entries per database and records per kind, in one read transaction.
    /// - Complexity: O(records): each kind's records are counted by a prefix scan that decodes nothing.
    public func statistics() throws -> StoreStatistics {
        let environmentInfo = try environment.info()
        return try read { snapshot in
            let txn = snapshot.transaction
            var databases: [String: DatabaseStatistics] = [:]
            for database in self.databases.all { databases[database.name] = try txn.statistics(of: database) }
            var byKind: [String: Int] = [:]
            for kind in RecordKind.all where kind != .formatInfo {
                let count = try txn.count(
                    self.databases.records, range: .prefix(TupleCodec.encode([.int(Int64(kind.rawValue))])))
                if count > 0 { byKind[kind.name] = count }
            }
            let unknown = (databases["records"]?.entries ?? 0) - byKind.values.reduce(0, +)
            if unknown > 0 { byKind["unknown"] = unknown }
            return StoreStatistics(databases: databases, recordsByKind: byKind, environment: environmentInfo)
        }
    }
}
