import Benchmark
import Foundation
import LineageStore

/// The progress merge and a group-committed batch, in process: allocation counts gate regressions, time is
/// reported. The side-by-side comparison with SQLite and raw LMDB is `progress-compare`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident])
    let types = ["issues", "pulls", "commits", "comments", "reviews", "releases", "wikis", "tags"]
    var updates: [ProgressUpdate] = []
    for index in 0..<10_000 {
        let type = types[index % 8]
        var update = ProgressUpdate(jobID: "job-\(index % 100)", reporter: "crawler-\(index % 2)")
        update.seq = UInt64(index / 200 + 1)
        update.timestamp = 1_736_190_930_000_000 + Int64(index) * 1_000
        update.status = .processing
        update.processedItems = Int64(index)
        update.totalItems = 1_000_000
        update.currentDataType = type
        update.itemsByType = ["\(type)": 1]
        update.lastProcessedID = "item-\(index)"
        update.stage = "data_collection"
        updates.append(update)
    }

    Benchmark("ProgressMerge-10k-updates-one-job", configuration: .init(scalingFactor: .one, maxIterations: 50)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            var state = ProgressState(job: ProgressMerge.newJob("job-0"))
            for (index, update) in updates.enumerated() {
                var copy = update
                copy.jobID = "job-0"
                copy.seq = UInt64(index)
                blackHole(ProgressMerge.merge(copy, into: &state, now: 0, validated: true))
            }
        }
    }

    Benchmark("Ingest-10k-updates-100-jobs-nosync", configuration: .init(scalingFactor: .one, maxIterations: 20)) {
        benchmark in
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-lock"] { unlink(path + suffix) } }
        var options = StoreOptions()
        options.durability = .unsafeFast
        let store = try LineageStore.open(at: path, options: options)
        defer { store.close() }
        // Each iteration sends new seqs, so every update is applied (not a duplicate of the previous round).
        let rounds = (0..<benchmark.scaledIterations.count).map { round in
            updates.map { update in
                var next = update
                next.seq = update.seq! + UInt64(round * 50)
                return next
            }
        }
        benchmark.startMeasurement()
        for round in rounds {
            blackHole(try store.ingest(round))
        }
        benchmark.stopMeasurement()
    }
}
