import LMDB
import LineageFormat

/// Brings a file of an earlier minor format version up to this library's when a writer opens it: builds the
/// entries of every index added since, moves the jobs' progress into progress records (1.9), mints the store's
/// id (1.10), and records the new minor version, in one transaction; the change feed reports none of it. Other records are never rewritten: their fields added since are
/// absent, and readers take that as empty.
enum FormatUpgrade {
    /// Upgrades the file described by `stored` and returns its new description (`stored` itself when it is
    /// already current).
    static func upgrade(_ environment: Environment, _ databases: Databases, _ stored: FormatInfo, now: Int64)
        throws -> FormatInfo
    {
        let current = UInt64(FormatVersion.minor)
        guard stored.major == UInt64(FormatVersion.major), stored.minor < current else { return stored }
        var upgraded = stored
        upgraded.minor = current
        if upgraded.storeID.isEmpty { upgraded.storeID = RecordID.mint(at: now) }
        try environment.write { txn in
            let context = WriteContext(
                transaction: txn, databases: databases, path: environment.path, now: now, formatMinor: stored.minor,
                changes: ChangeRecorder(database: nil))
            for type in StoredTypes.all { try type.buildIndexes(after: stored.minor, in: context) }
            if stored.minor < 9 { try moveProgressApart(in: context) }
            try txn.put(upgraded.encodedRecord(), forKey: LineageStore.formatKey, in: databases.meta)
        }
        return upgraded
    }
}

extension FormatUpgrade {
    /// Format 1.9: every job is stored again as its record and its progress record, with the windows of its
    /// reporters (records of kind 15 until 1.8) moved into the progress record. Windows whose job is missing
    /// stay where they are, for `verify` to report.
    static func moveProgressApart(in context: WriteContext) throws {
        var ids: [String] = []
        try context.transaction.scan(
            context.databases.records, range: .prefix(TupleCodec.encode(JobRecord.keyPrefix()))
        ) { key, _ in
            if case .string(let id)? = try? TupleCodec.decode(key).last { ids.append(id) }
            return true
        }
        for id in ids {
            guard var job = try context.fetch(JobRecord.self, [.string(id)]) else { continue }
            let windows = try context.records(ReporterWindowRecord.self, prefix: [.string(id)])
            for window in windows {
                _ = try context.transaction.delete(window.storedKey, in: context.databases.records)
            }
            job.keepWindows(windows)
            try context.save(job, previous: job)
        }
    }
}

extension StoredRecord {
    /// Writes the entries of every index of this type added after minor version `minor`.
    static func buildIndexes(after minor: UInt64, in context: WriteContext) throws {
        let missing = indexes.filter { $0.since > minor }
        guard !missing.isEmpty else { return }
        let database = context.databases[database]
        try context.transaction.scan(database, range: .prefix(TupleCodec.encode(keyPrefix()))) { key, value in
            let record = try context.decode(Self.self, value, key: key, in: database)
            for index in missing {
                guard let entry = IndexEntry.entry(index, of: record) else { continue }
                try context.transaction.put(entry.value, forKey: entry.key, in: context.databases.index)
            }
            return true
        }
    }
}
