import LMDB
import LineageFormat

/// The records of one type the progress writer stored last, with the exact bytes it stored (a job's record and
/// its progress record): when the stored values still equal those bytes, the cached record is used instead of
/// decoding it again. Any other writer that changes the record changes its bytes, so the cache can never serve
/// a stale record.
///
/// Bounded by bytes: each entry is charged an estimate of the memory it holds (``cost(key:bytes:)``), and
/// once the total passes the budget the entries stored longest ago are evicted first, so the records a busy
/// writer keeps storing stay cached and a stream over millions of jobs keeps memory flat. Owned by the writer
/// thread.
struct ProgressCache<R: StoredRecord> {
    private struct Entry {
        let key: [UInt8]
        let bytes: [UInt8]
        let progress: [UInt8]?
        let record: R
        let cost: Int
        /// When it was stored, in ``remember(_:key:bytes:)`` calls: its place in ``order``.
        let stamp: UInt64
    }

    private var entries: [Int: Entry] = [:]
    /// Slots in the order they were stored, oldest first from ``head``; a slot stored again later appears
    /// again, and its earlier place is recognised as stale by its stamp.
    private var order: [(slot: Int, stamp: UInt64)] = []
    private var head = 0
    private var stamps: UInt64 = 0
    /// The estimated bytes the entries hold.
    private(set) var usedBytes = 0
    /// The most bytes the entries may hold.
    let budget: Int

    /// An empty cache of at most `budget` bytes (estimated).
    init(budget: Int) { self.budget = max(0, budget) }

    /// How many records it holds.
    var count: Int { entries.count }

    /// What an entry is charged: its key and stored bytes, the decoded record (estimated at twice its encoded
    /// size, for the strings and arrays it owns) and the fixed overhead of an entry.
    static func cost(key: [UInt8], bytes: Int) -> Int { key.count + 3 * bytes + 160 }

    /// The record stored under `key`: the cached one if its bytes (and its progress record's) are still the
    /// stored bytes, else the stored one decoded; `nil` if none is stored.
    func fetch(_ key: [UInt8], in snapshot: Snapshot) throws -> R? {
        let database = snapshot.databases[R.database]
        if let cached = entries[Self.slot(key)], cached.key == key,
            try snapshot.holds(cached.bytes, under: key, in: database),
            try progressIsStored(cached, in: snapshot)
        {
            return cached.record
        }
        return try snapshot.record(R.self, key: key, in: database)
    }

    /// Whether the stored progress record of a cached entry is still the one it was stored with.
    private func progressIsStored(_ entry: Entry, in snapshot: Snapshot) throws -> Bool {
        guard let progress = entry.progress else { return true }
        guard let database = snapshot.databases.progress else { return false }
        return try snapshot.holds(progress, under: R.progressKey(entry.record.primaryKey), in: database)
    }

    /// Remembers that `bytes` (and `progress`, its progress record) were stored for `record` under `key`,
    /// evicting the entries stored longest ago while the cache is over its budget (this one too, if it alone
    /// is larger).
    mutating func remember(_ record: R, key: [UInt8], bytes: [UInt8], progress: [UInt8]? = nil) {
        let slot = Self.slot(key)
        stamps += 1
        let entry = Entry(
            key: key, bytes: bytes, progress: progress, record: record,
            cost: Self.cost(key: key, bytes: bytes.count + (progress?.count ?? 0)), stamp: stamps)
        if let replaced = entries.updateValue(entry, forKey: slot) { usedBytes -= replaced.cost }
        usedBytes += entry.cost
        order.append((slot, entry.stamp))
        while usedBytes > budget && head < order.count {
            let (oldest, stamp) = order[head]
            head += 1
            if let evicted = entries[oldest], evicted.stamp == stamp {
                entries[oldest] = nil
                usedBytes -= evicted.cost
            }
        }
        if order.count - head > 2 * entries.count + 1_024 { compactOrder() }
    }

    /// Drops the stale and evicted places from ``order``, keeping the live ones in their order.
    private mutating func compactOrder() {
        order = order[head...].filter { entries[$0.slot]?.stamp == $0.stamp }
        head = 0
    }

    /// The cache slot of a stored key: its XXH3-64 (the full key is compared on use).
    private static func slot(_ key: [UInt8]) -> Int { Int(truncatingIfNeeded: XXH3.hash64(key)) }
}
