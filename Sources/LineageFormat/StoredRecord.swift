/// The named database a record type lives in.
package enum RecordDatabase: String, Sendable {
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
package protocol StoredRecord: FieldTableRecord {
    /// The database the record lives in; `records` unless it is an append-only log entry.
    static var database: RecordDatabase { get }
    /// The secondary indexes kept for this type.
    static var indexes: [IndexDefinition<Self>] { get }
    /// The primary key elements after the kind.
    var primaryKey: [TupleElement] { get }
    /// Why the record cannot be used as it is, beyond what its fields allow one by one (a counter at its
    /// limit, a window of the wrong size), or `nil`. Read ``invariantViolation``, which checks the fields too.
    var recordViolation: String? { get }
}

extension StoredRecord {
    package static var database: RecordDatabase { .records }
    package static var indexes: [IndexDefinition<Self>] { [] }

    /// The encoded stored key of the record whose primary key is `primaryKey`.
    package static func storedKey(_ primaryKey: [TupleElement]) -> [UInt8] {
        TupleCodec.encode([.int(Int64(kind.rawValue))] + primaryKey)
    }

    /// The tuple prefix of every stored key of this kind that starts with `primaryKeyPrefix`.
    package static func keyPrefix(_ primaryKeyPrefix: [TupleElement] = []) -> [TupleElement] {
        [.int(Int64(kind.rawValue))] + primaryKeyPrefix
    }

    /// This record's encoded stored key.
    package var storedKey: [UInt8] { Self.storedKey(primaryKey) }

    /// None by default.
    package var recordViolation: String? { nil }

    /// Why the record cannot be used as it is — a field out of its range (``FieldTableRecord/fieldViolation``)
    /// or a broken invariant of its type (``recordViolation``) — or `nil`: `verify` reports it, `load` refuses
    /// it and the writer never builds on it.
    package var invariantViolation: String? { fieldViolation ?? recordViolation }
}

/// One secondary index of a record type, declared by the key paths of the fields it holds: its id, whether
/// it is unique, and the one entry a record has (or none).
package struct IndexDefinition<Record>: Sendable {
    /// The index.
    package let id: IndexID
    /// Whether at most one record may have each value.
    package let unique: Bool
    /// Whether a record whose first indexed field is empty has no entry.
    package let skipsEmpty: Bool
    /// The indexed fields, in entry order.
    package let parts: [IndexPart<Record>]

    /// An index over `parts`; with `skipsEmpty`, records whose first part is empty are not indexed.
    package init(_ id: IndexID, unique: Bool = false, skipsEmpty: Bool = false, _ parts: IndexPart<Record>...) {
        self.id = id
        self.unique = unique
        self.skipsEmpty = skipsEmpty
        self.parts = parts
    }

    /// The number of value elements in every entry.
    package var arity: Int { parts.count }

    /// The values `record` is indexed under, or `nil` when the index skips it.
    package func values(_ record: Record) -> [TupleElement]? {
        if skipsEmpty, let first = parts.first, first.isEmpty(record) { return nil }
        return parts.map { $0.element(record) }
    }
}

/// One field of an index entry, read from the record. Declare it with a key path (`.field(\.websiteID)`):
/// the literal becomes a direct property read, so comparing a record's indexed values costs no key-path
/// lookups on the ingestion hot path.
package struct IndexPart<Record>: Sendable {
    let element: @Sendable (Record) -> TupleElement
    /// Whether the record's value of this part is empty.
    package let isEmpty: @Sendable (Record) -> Bool
    /// Whether two records hold the same value in this part.
    package let isEqual: @Sendable (Record, Record) -> Bool

    /// A field stored in the entry as itself.
    package static func field<Value: IndexValue>(_ value: @escaping @Sendable (Record) -> Value) -> Self {
        IndexPart(
            element: { value($0).tupleElement }, isEmpty: { value($0).isEmptyValue },
            isEqual: { value($0) == value($1) })
    }

    /// A vocabulary field (a status, a type), stored as its spelling.
    package static func field<Value: Vocabulary>(_ value: @escaping @Sendable (Record) -> Value) -> Self {
        .field { value($0).rawValue }
    }

    /// A text field that may exceed the key limit (a URL, a path, a row key), stored as its XXH3-128
    /// (``TupleElement/hashed(_:)``).
    package static func hashed(_ text: @escaping @Sendable (Record) -> String) -> Self {
        IndexPart(
            element: { .hashed(text($0)) }, isEmpty: { text($0).isEmpty }, isEqual: { text($0) == text($1) })
    }
}

/// A field type an index can hold.
package protocol IndexValue: Equatable, Sendable {
    /// The value as a tuple element.
    var tupleElement: TupleElement { get }
    /// Whether it is the field's empty default.
    var isEmptyValue: Bool { get }
}

extension String: IndexValue {
    package var tupleElement: TupleElement { .string(self) }
    package var isEmptyValue: Bool { isEmpty }
}

extension Int64: IndexValue {
    package var tupleElement: TupleElement { .int(self) }
    package var isEmptyValue: Bool { self == 0 }
}

extension Array: IndexValue where Element == UInt8 {
    package var tupleElement: TupleElement { .bytes(self) }
    package var isEmptyValue: Bool { isEmpty }
}

extension TupleElement {
    /// The element that stands for a value that may exceed the key limit (a URL, a path, a row key): the 16
    /// canonical bytes of its XXH3-128. Readers compare the full value kept in the record.
    package static func hashed(_ text: String) -> TupleElement { .bytes(XXH3.hash128(text).canonicalBytes) }
}
