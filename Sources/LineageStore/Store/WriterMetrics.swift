import CoreMetrics

/// The group-commit writer's instruments, reported through swift-metrics to whatever backend the application
/// bootstrapped (with none, each report is one call into a no-op handler). Recorded once per commit, never
/// per update, so the ingest path pays for them only once per transaction.
struct WriterMetrics {
    private let updates: [ProgressOutcome.Kind: Counter]
    private let commitDuration = CoreMetrics.Timer(
        label: StoreMetricName.commitDuration, preferredDisplayUnit: .seconds)
    private let commitUpdates = Recorder(label: StoreMetricName.commitUpdates)
    private let commitRequests = Recorder(label: StoreMetricName.commitRequests)
    private let failedCommits = Counter(label: StoreMetricName.failedCommits)
    private let queueDepth = Gauge(label: StoreMetricName.queueDepth)

    init() {
        updates = Dictionary(
            uniqueKeysWithValues: ProgressOutcome.Kind.allCases.map {
                ($0, Counter(label: StoreMetricName.updates, dimensions: [("outcome", $0.rawValue)]))
            })
    }

    /// Reports how much work was waiting when the writer took a group.
    func tookGroup(waiting: Int) { queueDepth.record(waiting) }

    /// Reports a committed group: its callers, its progress outcomes by kind and how long it took.
    func committed(requests: Int, outcomes: some Sequence<[ProgressOutcome]>, nanoseconds: UInt64) {
        var counts: [ProgressOutcome.Kind: Int] = [:]
        var total = 0
        for submission in outcomes {
            total += submission.count
            for outcome in submission { counts[outcome.kind, default: 0] += 1 }
        }
        for (kind, count) in counts { updates[kind]?.increment(by: count) }
        commitUpdates.record(total)
        commitRequests.record(requests)
        commitDuration.recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// Reports a group whose transaction failed.
    func failed() { failedCommits.increment() }
}
