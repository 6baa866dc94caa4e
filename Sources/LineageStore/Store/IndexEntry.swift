import LineageFormat

/// One entry of the `index` database: `(index id, value…, primary key…)` → empty, or for a unique index
/// `(index id, value…)` → the record's stored key.
struct IndexEntry {
    let key: [UInt8]
    let value: [UInt8]

    /// The entry of `index` for one value tuple of the record whose primary key is `primaryKey` and whose
    /// stored key is `storedKey`.
    init<R: StoredRecord>(
        _ index: IndexDefinition<R>, values: [TupleElement], primaryKey: [TupleElement], storedKey: [UInt8]
    ) {
        precondition(values.count == index.arity, "index \(index.id) declares \(index.arity) values")
        if index.unique {
            key = TupleCodec.encode([.int(index.id.rawValue)] + values)
            value = storedKey
        } else {
            key = TupleCodec.encode([.int(index.id.rawValue)] + values + primaryKey)
            value = []
        }
    }

    /// The entry `record` must have in `index`, or `nil` when the index skips it.
    static func entry<R: StoredRecord>(_ index: IndexDefinition<R>, of record: R) -> IndexEntry? {
        let primaryKey = record.primaryKey
        return index.values(record).map {
            IndexEntry(index, values: $0, primaryKey: primaryKey, storedKey: R.storedKey(primaryKey))
        }
    }

    /// The stored key an entry of `index` points to: its value for a unique index, else `(kind, tail…)`.
    static func target<R: StoredRecord>(
        _ index: IndexDefinition<R>, key: [TupleElement], value: some Collection<UInt8>
    ) -> [UInt8]? {
        if index.unique { return Array(value) }
        guard key.count > 1 + index.arity else { return nil }
        return R.storedKey(Array(key.dropFirst(1 + index.arity)))
    }
}
