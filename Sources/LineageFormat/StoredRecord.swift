/// The named database a record type lives in.
package enum RecordDatabase: String, Sendable {
    /// Primary records.
    case records
    /// Append-only logs: page versions and job events.
    case events
    /// The change feed's entries.
    case changes
    /// The format description and the change feed's consumers.
    case meta

    /// Whether the change feed reports writes to records of this database: the data, not the feed itself.
    package var isReported: Bool { self == .records || self == .events }
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
    /// The records this one names, which must exist: a page's jobs, a version's page, an event's job.
    var references: [RecordReference] { get }
    /// The fields kept in the record's progress record rather than in itself, by number (the job's progress;
    /// empty for other types).
    static var progressFieldNumbers: Set<Int> { get }
    /// Writes the fields stored in the record itself: all of them unless it has a progress record.
    func encodeRecordFields(into writer: inout ProtoWriter)
    /// Writes field 1 and the fields stored in the progress record: none unless it has one.
    func encodeProgressFields(into writer: inout ProtoWriter)
}

/// A record another one names in a field, by its stored key.
package struct RecordReference: Sendable, Equatable {
    /// The naming field's snake_case name.
    package let field: String
    /// The kind of the record named.
    package let kind: RecordKind
    /// The stored key of the record named.
    package let key: [UInt8]

    /// The record of type `type` whose primary key is `primaryKey`, named by `field`.
    package init<Target: StoredRecord>(_ field: String, _ type: Target.Type, _ primaryKey: [TupleElement]) {
        self.field = field
        self.kind = Target.kind
        self.key = Target.storedKey(primaryKey)
    }

    /// The job named by `field`, or nothing when `id` is empty (not set).
    package static func job(_ field: String, _ id: String?) -> [RecordReference] {
        guard let id, !id.isEmpty else { return [] }
        return [RecordReference(field, JobRecord.self, [.string(id)])]
    }
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

    /// None by default.
    package var references: [RecordReference] { [] }

    /// Why the record cannot be used as it is — an identity that is empty, holds NUL or makes a key longer
    /// than LMDB takes (``identityViolation``), a field out of its range (``FieldTableRecord/fieldViolation``)
    /// or a broken invariant of its type (``recordViolation``) — or `nil`: `verify` reports it and `load`
    /// refuses it. The writer refuses to build on a record with a ``recordViolation``.
    package var invariantViolation: String? { identityViolation ?? fieldViolation ?? recordViolation }

    /// Why the primary key cannot identify the record: a string in it that is empty or holds a NUL byte, or
    /// a stored key longer than ``maxKeyBytes``.
    package var identityViolation: String? {
        for case .string(let id) in primaryKey {
            if id.isEmpty { return "an id in the key is empty" }
            if id.utf8.contains(0) { return "an id in the key holds a NUL byte" }
        }
        let length = storedKey.count
        return length > Self.maxKeyBytes ? "the key is \(length) bytes; the limit is \(Self.maxKeyBytes)" : nil
    }

    /// The longest stored key: LMDB's default key limit.
    package static var maxKeyBytes: Int { 511 }
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
    /// The minor format version that added the index: a file of an earlier minor version has none of its
    /// entries until a writer opens it and builds them.
    package let since: UInt64

    /// An index over `parts`, added in minor version `since`; with `skipsEmpty`, records whose first part is
    /// empty are not indexed.
    package init(
        _ id: IndexID, unique: Bool = false, skipsEmpty: Bool = false, since: UInt64 = 1,
        _ parts: IndexPart<Record>...
    ) {
        self.id = id
        self.unique = unique
        self.skipsEmpty = skipsEmpty
        self.since = since
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
