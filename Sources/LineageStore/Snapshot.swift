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

    func context(_ database: Database, _ key: some Collection<UInt8>) -> String {
        "record \(TupleCodec.describe(key)) in database \(database) of \(path)"
    }

    /// Checks and decodes a stored record; a failure names the database and key.
    private func decode<R: RecordCodable>(
        _ type: R.Type, _ bytes: UnsafeRawBufferPointer, key: some Collection<UInt8>, in database: Database
    ) throws -> R {
        let context = context(database, key)
        do {
            return try R(record: bytes, context: context)
        } catch {
            throw StoreError.wrapping(error, "decoding \(context)")
        }
    }

    /// The record of type `R` under the encoded `key` in `database` (default `records`), checked and decoded,
    /// or `nil` if absent.
    /// - Throws: ``StoreError`` `.damagedRecord` naming the database and key when the checksum fails.
    func record<R: RecordCodable>(_ type: R.Type, key: [UInt8], in database: Database? = nil) throws -> R? {
        let database = database ?? databases.records
        return try transaction.withValue(in: database, forKey: key) { bytes in
            try bytes.map { try decode(type, $0, key: key, in: database) }
        }
    }

    /// Decodes every record of type `R` in `records` whose key starts with `prefix`, in key order.
    func records<R: RecordCodable>(_ type: R.Type, prefix: [TupleElement]) throws -> [R] {
        var out: [R] = []
        try transaction.scan(databases.records, range: .prefix(TupleCodec.encode(prefix))) { key, value in
            out.append(try decode(type, value, key: key, in: databases.records))
            return true
        }
        return out
    }

    /// The keys (decoded) of the index entries starting with `prefix`.
    func indexKeys(prefix: [TupleElement]) throws -> [[TupleElement]] {
        var out: [[TupleElement]] = []
        try transaction.scan(databases.index, range: .prefix(TupleCodec.encode(prefix))) { key, _ in
            out.append(try TupleCodec.decode(key))
            return true
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

    /// Stores `record` under the encoded `key` in `records`.
    func put<R: RecordCodable>(_ record: R, key: [UInt8]) throws {
        try transaction.put(record.encodedRecord(), forKey: key, in: databases.records)
    }

    /// Adds an index entry `key` → empty value.
    func putIndex(_ key: [TupleElement]) throws {
        try transaction.put([], forKey: TupleCodec.encode(key), in: databases.index)
    }
}
