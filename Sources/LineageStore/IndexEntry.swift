/// One entry of the `index` database: `(index id, value…, primary key…)` → empty, or for a unique index
/// `(index id, value…)` → the record's stored key.
struct IndexEntry: Hashable {
    let key: [UInt8]
    let value: [UInt8]

    /// The entries `record` must have in `index`.
    static func entries<R: StoredRecord>(_ index: IndexDefinition<R>, of record: R, primaryKey: [TupleElement])
        -> [IndexEntry]
    {
        index.entries(record).map { values in
            precondition(values.count == index.arity, "index \(index.id) declares \(index.arity) values")
            if index.unique {
                return IndexEntry(
                    key: TupleCodec.encode([.int(index.id.rawValue)] + values),
                    value: R.storedKey(primaryKey))
            }
            return IndexEntry(key: TupleCodec.encode([.int(index.id.rawValue)] + values + primaryKey), value: [])
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
