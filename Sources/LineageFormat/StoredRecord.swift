/// The named database a record type lives in.
public enum RecordDatabase: String, Sendable {
    /// Primary records.
    case records
    /// Append-only logs: page versions and job events.
    case events
}

/// A record type with a primary key and secondary indexes: everything the store needs to keep it and its
/// index entries exact in one transaction, and everything `verify` needs to check them.
///
/// The stored key is `(kind, primaryKey…)`. Each index entry is `(index id, value…, primaryKey…)` → empty
/// value, or for a unique index `(index id, value…)` → the stored key.
public protocol StoredRecord: RecordCodable {
    /// The database the record lives in; `records` unless it is an append-only log entry.
    static var database: RecordDatabase { get }
    /// The secondary indexes kept for this type.
    static var indexes: [IndexDefinition<Self>] { get }
    /// The primary key elements after the kind.
    var primaryKey: [TupleElement] { get }
    /// Whether `other` is indexed under exactly the values this record is, in every index. The default
    /// builds and compares the entries (``indexEntriesEqual(_:_:)``); a record saved on a hot path may answer
    /// from its fields instead, and a test must show that the two agree.
    func hasSameIndexValues(as other: Self) -> Bool
}

extension StoredRecord {
    public static var database: RecordDatabase { .records }
    public static var indexes: [IndexDefinition<Self>] { [] }

    /// The encoded stored key of the record whose primary key is `primaryKey`.
    public static func storedKey(_ primaryKey: [TupleElement]) -> [UInt8] {
        TupleCodec.encode([.int(Int64(kind.rawValue))] + primaryKey)
    }

    /// The tuple prefix of every stored key of this kind that starts with `primaryKeyPrefix`.
    public static func keyPrefix(_ primaryKeyPrefix: [TupleElement] = []) -> [TupleElement] {
        [.int(Int64(kind.rawValue))] + primaryKeyPrefix
    }

    /// This record's encoded stored key.
    public var storedKey: [UInt8] { Self.storedKey(primaryKey) }

    public func hasSameIndexValues(as other: Self) -> Bool { Self.indexEntriesEqual(self, other) }

    /// Whether `a` and `b` have the same entries in every index, by building them.
    public static func indexEntriesEqual(_ a: Self, _ b: Self) -> Bool {
        indexes.allSatisfy { $0.entries(a) == $0.entries(b) }
    }
}

/// One secondary index of a record type: its id, whether it is unique, and the entries a record has.
public struct IndexDefinition<Record>: Sendable {
    /// The index.
    public let id: IndexID
    /// Whether at most one record may have each value.
    public let unique: Bool
    /// The number of value elements in every entry.
    public let arity: Int
    /// The value tuples a record is indexed under (none for a record the index skips).
    public let entries: @Sendable (Record) -> [[TupleElement]]

    /// Creates an index whose entries have `arity` value elements each.
    public init(
        _ id: IndexID, unique: Bool = false, arity: Int, entries: @escaping @Sendable (Record) -> [[TupleElement]]
    ) {
        self.id = id
        self.unique = unique
        self.arity = arity
        self.entries = entries
    }

    /// An index with one entry per record, or none when `value` returns `nil`.
    public static func single(
        _ id: IndexID, unique: Bool = false, arity: Int, _ value: @escaping @Sendable (Record) -> [TupleElement]?
    ) -> Self {
        IndexDefinition(id, unique: unique, arity: arity) { record in value(record).map { [$0] } ?? [] }
    }
}

extension TupleElement {
    /// The element that stands for a value that may exceed the key limit (a URL, a path, a row key): the 16
    /// canonical bytes of its XXH3-128. Readers compare the full value kept in the record.
    public static func hashed(_ text: String) -> TupleElement { .bytes(XXH3.hash128(text).canonicalBytes) }
}
