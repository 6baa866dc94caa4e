import LineageFormat

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The records of one type the progress writer stored last, with the exact bytes it stored: when the stored
/// value still equals those bytes, the cached record is used instead of decoding it again. Any other writer
/// that changes the record changes its bytes, so the cache can never serve a stale record.
///
/// Owned by the writer thread; cleared whole when it grows past its capacity.
struct ProgressCache<R: StoredRecord> {
    private var entries: [Int: (key: [UInt8], bytes: [UInt8], record: R)] = [:]
    private let capacity: Int

    init(capacity: Int = 100_000) { self.capacity = capacity }

    /// The record stored under `key`: the cached one if its bytes are still the stored bytes, else the stored
    /// one decoded; `nil` if none is stored.
    func fetch(_ key: [UInt8], in snapshot: Snapshot) throws -> R? {
        let cached = entries[Self.slot(key)]
        return try snapshot.withStoredBytes(R.self, key: key) { bytes in
            guard let bytes else { return nil }
            if let cached, cached.key == key, Self.same(bytes, cached.bytes) { return cached.record }
            return try snapshot.decode(R.self, bytes, key: key, in: snapshot.databases[R.database])
        }
    }

    /// Remembers that `bytes` were stored for `record` under `key`.
    mutating func remember(_ record: R, key: [UInt8], bytes: [UInt8]) {
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[Self.slot(key)] = (key, bytes, record)
    }

    /// The cache slot of a stored key: its XXH3-64 (the full key is compared on use).
    private static func slot(_ key: [UInt8]) -> Int { Int(truncatingIfNeeded: XXH3.hash64(key)) }

    private static func same(_ stored: UnsafeRawBufferPointer, _ cached: [UInt8]) -> Bool {
        stored.count == cached.count
            && cached.withUnsafeBytes { memcmp($0.baseAddress!, stored.baseAddress!, cached.count) == 0 }
    }
}
