import LMDB

/// A consistent, read-only view of the store, valid only inside ``LineageStore/read(_:)`` (or as the
/// read side of a ``WriteContext``).
public class Snapshot {
    let transaction: Transaction
    let databases: Databases
    /// The database file's path, for messages.
    public let path: String

    init(transaction: Transaction, databases: Databases, path: String) {
        self.transaction = transaction
        self.databases = databases
        self.path = path
    }

    func context(_ database: Database, _ key: [UInt8]) -> String {
        "record \(TupleCodec.describe(key)) in database \(database) of \(path)"
    }

    /// The record of type `R` under `key` in `database`, checked and decoded, or `nil` if absent.
    /// - Throws: ``StoreError`` `.damagedRecord` naming the database and key when the checksum fails.
    func record<R: RecordCodable>(_ type: R.Type, key: [UInt8], in database: Database) throws -> R? {
        try transaction.withValue(in: database, forKey: key) { bytes -> R? in
            guard let bytes else { return nil }
            do {
                return try R(record: bytes, context: context(database, key))
            } catch {
                throw StoreError.wrapping(error, "decoding \(context(database, key))")
            }
        }
    }

    /// The primary record of type `R` under the tuple `key`.
    func record<R: RecordCodable>(_ type: R.Type, key: [TupleElement]) throws -> R? {
        try record(type, key: TupleCodec.encode(key), in: databases.records)
    }

    /// Decodes every record of type `R` whose key starts with `prefix`, in key order.
    func records<R: RecordCodable>(
        _ type: R.Type, prefix: [TupleElement], in database: Database? = nil, direction: ScanDirection = .forward,
        limit: Int = .max
    ) throws -> [R] {
        let database = database ?? databases.records
        var out: [R] = []
        try transaction.scan(database, range: .prefix(TupleCodec.encode(prefix)), direction: direction) { key, value in
            do {
                out.append(try R(record: value, context: context(database, Array(key))))
            } catch {
                throw StoreError.wrapping(error, "decoding \(context(database, Array(key)))")
            }
            return out.count < limit
        }
        return out
    }

    /// The keys (decoded) of the index entries starting with `prefix`.
    func indexKeys(prefix: [TupleElement], limit: Int = .max) throws -> [[TupleElement]] {
        var out: [[TupleElement]] = []
        try transaction.scan(databases.index, range: .prefix(TupleCodec.encode(prefix))) { key, _ in
            out.append(try TupleCodec.decode(key))
            return out.count < limit
        }
        return out
    }
}

/// A write transaction: everything a ``Snapshot`` reads, plus changes that commit together.
public final class WriteContext: Snapshot {
    /// The time of this transaction, from the store's clock, in microseconds since the Unix epoch.
    public let now: Int64

    init(transaction: Transaction, databases: Databases, path: String, now: Int64) {
        self.now = now
        super.init(transaction: transaction, databases: databases, path: path)
    }

    /// Stores `record` under the tuple `key` in `records`.
    func put<R: RecordCodable>(_ record: R, key: [TupleElement]) throws {
        try transaction.put(record.encodedRecord(), forKey: TupleCodec.encode(key), in: databases.records)
    }

    /// Adds an index entry `key` → empty value.
    func putIndex(_ key: [TupleElement]) throws {
        try transaction.put([], forKey: TupleCodec.encode(key), in: databases.index)
    }
}
