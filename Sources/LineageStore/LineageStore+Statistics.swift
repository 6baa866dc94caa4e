import LMDB

/// Size and usage of a store file, as `lineage stats` prints it.
public struct StoreStatistics: Sendable, Equatable {
    /// Entry counts and page use per named database (`meta`, `records`, `index`, `events`).
    public var databases: [String: DatabaseStatistics]
    /// Records per kind in `records`, by kind name.
    public var recordsByKind: [String: Int]
    /// The map's size and use, and the reader table.
    public var environment: EnvironmentInfo
    /// The page size in bytes.
    public var pageSize: Int
}

extension LineageStore {
    /// Counts entries per database and records per kind, in one read transaction.
    /// - Complexity: O(records) — every primary key is visited once to count kinds.
    public func statistics() throws -> StoreStatistics {
        let environmentInfo = try environment.info()
        return try read { snapshot in
            let txn = snapshot.transaction
            var databases: [String: DatabaseStatistics] = [:]
            for (name, database) in zip(
                Databases.names,
                [self.databases.meta, self.databases.records, self.databases.index, self.databases.events])
            {
                databases[name] = try txn.statistics(of: database)
            }
            var byKind: [String: Int] = [:]
            try txn.scan(self.databases.records) { key, _ in
                let kind: String
                if case .int(let number)? = try? TupleCodec.decode(key).first,
                    let known = RecordKind.known(UInt16(truncatingIfNeeded: number))
                {
                    kind = known.name
                } else {
                    kind = "unknown"
                }
                byKind[kind, default: 0] += 1
                return true
            }
            return StoreStatistics(
                databases: databases, recordsByKind: byKind, environment: environmentInfo,
                pageSize: databases["records"]?.pageSize ?? 4096)
        }
    }
}
