import LineageFormat
import LineageStore

/// A deterministic stream of crawler progress updates in the payload's shape, generated a chunk at a time so
/// memory stays flat: `jobs` jobs, two reporters per job with their own seqs, 8 item types, about 2 %
/// duplicates (an update re-sent from the last 64) and 5 % reordering (an update swapped with its
/// predecessor), 1 % carrying a timeline event.
struct Workload {
    /// The workload's name in reports.
    let name: String
    /// How many jobs the updates spread over.
    let jobs: Int
    /// How many updates in all.
    let total: Int

    static let itemTypes = ["issues", "pulls", "commits", "comments", "reviews", "releases", "wikis", "tags"]
}

/// Walks a ``Workload``.
struct UpdateStream {
    let workload: Workload
    private var random = SplitMix(seed: 0x5EED)
    private var produced = 0
    private var seqs: [UInt64]
    private var processed: [Int64]
    private var recent: [ProgressUpdate] = []  // a ring of the last 64 updates
    private var recentNext = 0
    private let start: Int64 = 1_736_190_930_000_000

    init(_ workload: Workload) {
        self.workload = workload
        seqs = Array(repeating: 0, count: workload.jobs * 2)
        processed = Array(repeating: 0, count: workload.jobs)
    }

    /// The next `count` updates (fewer at the end), or an empty array when the stream is done.
    mutating func next(_ count: Int) -> [ProgressUpdate] {
        var chunk: [ProgressUpdate] = []
        chunk.reserveCapacity(count)
        while chunk.count < count && produced < workload.total {
            produced += 1
            if !recent.isEmpty && random.below(50) == 0 {
                chunk.append(recent[random.below(recent.count)])
                continue
            }
            let job = random.below(workload.jobs)
            let reporter = random.below(2)
            let slot = job * 2 + reporter
            seqs[slot] += 1
            processed[job] += 1
            let type = Workload.itemTypes[random.below(8)]
            var update = ProgressUpdate(
                jobID: "job-\(job)", reporter: "crawler-\(reporter)", seq: seqs[slot],
                timestamp: start + Int64(produced) * 1_000, status: .processing, processedItems: processed[job],
                totalItems: 1_000_000, currentDataType: type,
                itemsByType: [ExactString(type): Int64(1 + random.below(5))],
                lastProcessedID: "\(type)-\(processed[job])", stage: "data_collection",
                operationType: "data_collection")
            if random.below(100) == 0 { update.timeline = [.init(event: "progress_update", details: #"{"page":1}"#)] }
            chunk.append(update)
            if recent.count < 64 {
                recent.append(update)
            } else {
                recent[recentNext] = update
                recentNext = (recentNext + 1) % 64
            }
            if chunk.count >= 2 && random.below(20) == 0 { chunk.swapAt(chunk.count - 1, chunk.count - 2) }
        }
        return chunk
    }
}

/// SplitMix64, for reproducible workloads.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
