import LineageFormat
import TestSupport
import Testing

@testable import LineageStore

/// The writer's cache of stored jobs and windows stays within its byte budget, and a cache that evicts all the
/// time gives exactly the store a large cache gives.
@Suite struct WriterCacheTests {
    static func window(_ index: Int) -> (ReporterWindowRecord, key: [UInt8], bytes: [UInt8]) {
        var window = ReporterWindowRecord()
        window.jobID = "job-\(10_000 + index)"  // keys of one length, so every entry costs the same
        window.reporter = "crawler"
        window.highestSeq = UInt64(index)
        let key = ReporterWindowRecord.storedKey([.string(window.jobID), .string(window.reporter)])
        return (window, key, Array(repeating: UInt8(index & 0xFF), count: 150))
    }

    @Test func theCacheStaysWithinItsBudgetAndKeepsWhatWasStoredLast() {
        let cost = ProgressCache<ReporterWindowRecord>.cost(key: Self.window(0).key, bytes: Self.window(0).bytes.count)
        var cache = ProgressCache<ReporterWindowRecord>(budget: 10 * cost)
        for index in 0..<1_000 {
            let (window, key, bytes) = Self.window(index)
            cache.remember(window, key: key, bytes: bytes)
            #expect(cache.usedBytes <= cache.budget)
        }
        #expect(cache.count == 10, "ten entries of this size fit")
        for round in 0..<5_000 {  // a hot set stored again and again neither grows the cache nor is evicted
            let (window, key, bytes) = Self.window(round % 10)
            cache.remember(window, key: key, bytes: bytes)
        }
        #expect(cache.count == 10 && cache.usedBytes == 10 * cost)
        var empty = ProgressCache<ReporterWindowRecord>(budget: 0)
        let (window, key, bytes) = Self.window(1)
        empty.remember(window, key: key, bytes: bytes)
        #expect(empty.count == 0 && empty.usedBytes == 0, "a record larger than the budget is not kept")
    }

    @Test(arguments: [0, 4_096])
    func aTinyCacheGivesTheSameStoreAsALargeOne(cacheBytes: Int) throws {
        var random = SeededGenerator()
        let seed = random.seed
        var updates: [ProgressUpdate] = []
        var seqs: [String: UInt64] = [:]
        for _ in 0..<3_000 {
            let job = "job-\(Int.random(in: 0..<200, using: &random))"
            let reporter = "crawler-\(Int.random(in: 0..<3, using: &random))"
            let last = seqs["\(job)/\(reporter)", default: 0]
            let seq = last > 0 && Int.random(in: 0..<4, using: &random) == 0 ? last : last + 1  // some re-sent
            seqs["\(job)/\(reporter)"] = seq
            updates.append(
                ProgressUpdate(
                    jobID: job, reporter: reporter, seq: seq, processedItems: Int64(updates.count),
                    itemsByType: ["t\(Int.random(in: 0..<4, using: &random))": 1]))
        }
        func exported(cacheBytes: Int) throws -> [String] {
            let directory = try TemporaryDirectory()
            var options = testOptions()
            options.writerCacheBytes = cacheBytes
            let store = try LineageStore.open(at: directory.path("cache.lineage"), options: options)
            defer { store.close() }
            for start in stride(from: 0, to: updates.count, by: 250) {
                _ = try store.ingest(Array(updates[start..<min(start + 250, updates.count)]))
            }
            #expect(try store.verify().isClean)
            var lines: [String] = []
            _ = try store.export { lines.append($0) }
            return lines
        }
        #expect(try exported(cacheBytes: cacheBytes) == exported(cacheBytes: 32 << 20), "seed \(seed)")
    }
}
