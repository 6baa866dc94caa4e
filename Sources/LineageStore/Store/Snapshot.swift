import LMDB
import LineageFormat

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A consistent, read-only view of the store, valid only inside ``LineageStore/read(_:)`` (or as the
/// read side of a ``WriteContext``).
public class Snapshot {
    let transaction: Transaction
    let databases: Databases
    /// The database file's path, for messages.
    public let path: String
    /// The time of this transaction, from the store's clock, in microseconds since the Unix epoch.
    public let now: Int64
    /// The file's minor format version: indexes added after it have no entries in this file.
    let formatMinor: UInt64

    init(transaction: Transaction, databases: Databases, path: String, now: Int64, formatMinor: UInt64) {
        self.transaction = transaction
        self.databases = databases
        self.path = path
        self.now = now
        self.formatMinor = formatMinor
    }

    /// The id of the commit this snapshot sees: it changes with every commit to the file, so a reader polls it
    /// to learn that something changed without reading records.
    public var version: Int {
        get throws { try transaction.id }
    }

    func context(_ database: Database, _ key: some Collection<UInt8>) -> String {
        "record \(TupleCodec.describe(key)) in database \(database) of \(path)"
    }

    /// Checks and decodes a stored record; a failure names the database and key (described only then). A
    /// record with a progress record (a job) is read with it (``withProgress(_:)``).
    func decode<R: StoredRecord>(
        _ type: R.Type, _ bytes: UnsafeRawBufferPointer, key: some Collection<UInt8>, in database: Database
    ) throws -> R {
        let record: R
        do {
            record = try R(record: bytes, context: R.kind.name)
        } catch {
            throw StoreError.wrapping(error, context(database, key))
        }
        return R.hasProgressRecord ? try withProgress(record) : record
    }

    /// `record`, of a type with a progress record, with the fields of its progress record read into it; as it
    /// is when it has none (a record of a file of an earlier format keeps them itself).
    /// - Throws: `.damagedRecord` naming the progress record when it is damaged or belongs to another record.
    func withProgress<R: StoredRecord>(_ record: R) throws -> R {
        guard let database = databases.progress else { return record }
        let key = R.progressKey(record.primaryKey)
        return try transaction.withValue(in: database, forKey: key) { bytes in
            guard let bytes else { return record }
            var assembled = record
            do { try assembled.mergeProgress(record: bytes, context: "job_progress") } catch {
                throw StoreError.wrapping(error, context(database, key))
            }
            return assembled
        }
    }

    /// The record of type `R` under the encoded `key` in `database` (default `records`), checked and decoded,
    /// or `nil` if absent.
    /// - Throws: ``StoreError`` `.damagedRecord` naming the database and key when the checksum fails.
    func record<R: StoredRecord>(_ type: R.Type, key: [UInt8], in database: Database? = nil) throws -> R? {
        let database = database ?? databases.records
        return try transaction.withValue(in: database, forKey: key) { bytes in
            try bytes.map { try decode(type, $0, key: key, in: database) }
        }
    }

    /// Whether `database` holds exactly `bytes` under `key`: how a writer tells that a record it would store
    /// again, or one it cached, is unchanged.
    func holds(_ bytes: [UInt8], under key: [UInt8], in database: Database) throws -> Bool {
        try transaction.withValue(in: database, forKey: key) { stored in
            guard let stored, stored.count == bytes.count else { return false }
            guard !bytes.isEmpty else { return true }
            return bytes.withUnsafeBytes { memcmp($0.baseAddress!, stored.baseAddress!, bytes.count) == 0 }
        }
    }

    /// The stored record of type `R` with this primary key, or `nil`.
    package func fetch<R: StoredRecord>(_ type: R.Type, _ primaryKey: [TupleElement]) throws -> R? {
        try record(type, key: R.storedKey(primaryKey), in: databases[R.database])
    }

    /// Decodes every record of type `R` whose primary key starts with `prefix`, in key order, stopping after
    /// `limit` records.
    package func records<R: StoredRecord>(
        _ type: R.Type, prefix: [TupleElement] = [], direction: ScanDirection = .forward, limit: Int = .max
    ) throws -> [R] {
        var out: [R] = []
        guard limit > 0 else { return out }
        let database = databases[R.database]
        try transaction.scan(database, range: .prefix(TupleCodec.encode(R.keyPrefix(prefix))), direction: direction) {
            key, value in
            out.append(try decode(type, value, key: key, in: database))
            return out.count < limit
        }
        return out
    }

    /// The number of records of type `R` whose primary key starts with `prefix`, without decoding them.
    package func count<R: StoredRecord>(_ type: R.Type, prefix: [TupleElement] = []) throws -> Int {
        try transaction.count(databases[R.database], range: .prefix(TupleCodec.encode(R.keyPrefix(prefix))))
    }
}
