import LMDB
import LineageFormat

/// A range query over one secondary index: the entries whose values start with `equal`, optionally bounded
/// on the next value, in a direction, a page at a time.
///
/// Pages are stable: the continuation cursor names the last entry returned, so records inserted or removed
/// elsewhere in the range neither repeat nor skip the entries that follow it.
package struct IndexQuery: Sendable {
    /// The index to scan.
    package var index: IndexID
    /// Leading index values every entry must equal (e.g. a website id).
    package var equal: [TupleElement]
    /// The inclusive lower bound of the values after `equal` (e.g. a start time), or `nil`.
    package var from: [TupleElement]?
    /// The exclusive upper bound of the values after `equal`, or `nil`.
    package var before: [TupleElement]?
    /// The scan order.
    package var direction: ScanDirection
    /// The most records a page holds.
    package var limit: Int
    /// The cursor from the previous page, or `nil` for the first page.
    package var cursor: String?

    /// Creates a query.
    package init(
        _ index: IndexID, equal: [TupleElement] = [], from: [TupleElement]? = nil, before: [TupleElement]? = nil,
        direction: ScanDirection = .forward, limit: Int = .max, cursor: String? = nil
    ) {
        self.index = index
        self.equal = equal
        self.from = from
        self.before = before
        self.direction = direction
        self.limit = limit
        self.cursor = cursor
    }

    /// The key range the query covers, before any cursor.
    var range: KeyRange {
        let prefix = TupleCodec.encode([.int(index.rawValue)] + equal)
        let lower = from.map { KeyRange.Bound.inclusive(TupleCodec.encode([.int(index.rawValue)] + equal + $0)) }
        let upper = before.map { KeyRange.Bound.exclusive(TupleCodec.encode([.int(index.rawValue)] + equal + $0)) }
        return KeyRange(
            lower: lower ?? .inclusive(prefix),
            upper: upper ?? KeyRange.prefixSuccessor(prefix).map { .exclusive($0) })
    }
}

/// One page of query results and the cursor that continues after it.
public struct QueryPage<Record>: Sendable where Record: Sendable {
    /// The records of this page, in index order.
    public var records: [Record]
    /// Pass as the `cursor` of the same query to get the next page; `nil` when there are no more.
    public var nextCursor: String?

    /// Creates a page.
    public init(records: [Record], nextCursor: String?) {
        self.records = records
        self.nextCursor = nextCursor
    }
}

extension Snapshot {
    /// Runs `query` over an index of `R`, returning the records its entries point to that pass `filter`.
    ///
    /// - Throws: `.invalidInput` if `R` has no such index or the cursor is not one this query produced;
    ///   `.damagedRecord` if an entry points to a missing or damaged record.
    /// - Complexity: O(entries visited); with a filter, entries it rejects are visited too.
    package func query<R: StoredRecord>(
        _ type: R.Type, _ query: IndexQuery, where filter: (R) -> Bool = { _ in true }
    ) throws -> QueryPage<R> {
        let index = try definition(R.self, query.index)
        var range = query.range
        if let cursor = query.cursor {
            guard let key = Hex.decode(cursor), !key.isEmpty,
                range.contains(key)
            else {
                throw StoreError(
                    .invalidInput, "cursor \(cursor.prefix(40)) does not belong to this \(query.index) query")
            }
            switch query.direction {
            case .forward: range.lower = .exclusive(key)
            case .backward: range.upper = .exclusive(key)
            }
        }
        guard query.limit > 0 else { return QueryPage(records: [], nextCursor: nil) }
        guard index.since <= formatMinor else { return try computed(index, query, range, filter) }
        var records: [R] = []
        var lastKey: [UInt8]?
        var more = false
        try transaction.scan(databases.index, range: range, direction: query.direction) { key, value in
            if records.count == query.limit {
                more = true
                return false
            }
            let record = try target(index, key: key, value: value)
            if filter(record) { records.append(record) }
            lastKey = Array(key)
            return true
        }
        return QueryPage(records: records, nextCursor: more ? lastKey.map(Hex.encode) : nil)
    }

    /// ``query(_:_:where:)`` over an index this file has no entries of yet (a file of an earlier minor version
    /// that no writer has opened since): the entries are computed from every record of `R`.
    /// - Complexity: O(records of `R`).
    private func computed<R: StoredRecord>(
        _ index: IndexDefinition<R>, _ query: IndexQuery, _ range: KeyRange, _ filter: (R) -> Bool
    ) throws -> QueryPage<R> {
        var entries = try records(R.self).compactMap { record in
            IndexEntry.entry(index, of: record).flatMap { range.contains($0.key) ? ($0.key, record) : nil }
        }
        entries.sort { $0.0.lexicographicallyPrecedes($1.0) }
        if query.direction == .backward { entries.reverse() }
        let page = entries.prefix(query.limit)
        return QueryPage(
            records: page.map(\.1).filter(filter),
            nextCursor: entries.count > query.limit ? page.last.map { Hex.encode($0.0) } : nil)
    }

    /// The number of entries `query` covers (ignoring its limit and cursor), without decoding records.
    package func count(_ query: IndexQuery) throws -> Int {
        try transaction.count(databases.index, range: query.range)
    }

    /// The record of type `R` whose unique index entry is `values`, if it passes `matches` — the check of the
    /// full value behind a hashed element, so a hash collision never returns a wrong record.
    package func unique<R: StoredRecord>(
        _ type: R.Type, _ index: IndexID, _ values: [TupleElement], matches: (R) -> Bool = { _ in true }
    ) throws -> R? {
        let definition = try definition(R.self, index)
        precondition(definition.unique, "\(index) is not a unique index")
        let key = TupleCodec.encode([.int(index.rawValue)] + values)
        guard let target = try transaction.value(in: databases.index, forKey: key) else { return nil }
        guard let record = try record(R.self, key: target, in: databases[R.database]) else {
            throw StoreError(.damagedRecord, "\(index) entry \(TupleCodec.describe(key)) points to a missing record")
        }
        return matches(record) ? record : nil
    }

    func definition<R: StoredRecord>(_ type: R.Type, _ id: IndexID) throws -> IndexDefinition<R> {
        guard let index = R.indexes.first(where: { $0.id == id }) else {
            throw StoreError(.invalidInput, "\(R.kind.name) records have no index \(id)")
        }
        return index
    }

    private func target<R: StoredRecord>(
        _ index: IndexDefinition<R>, key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer
    )
        throws -> R
    {
        let tuple = try TupleCodec.decode(key)
        guard let target = IndexEntry.target(index, key: tuple, value: value),
            let record = try record(R.self, key: target, in: databases[R.database])
        else {
            throw StoreError(
                .damagedRecord, "\(index.id) entry \(TupleCodec.describe(key)) in \(path) points to a missing record")
        }
        return record
    }
}
