import Foundation
import LMDB

/// The group-commit writer: one thread that owns every write transaction of a store.
///
/// Callers enqueue work — a ``LineageStore/write(_:)`` body, or a batch of validated progress updates — and
/// wait. The thread drains whatever is queued (up to ``maxBatch`` updates) into one transaction, commits once,
/// then completes every caller. Each body runs in a nested transaction of its own, so a body that throws
/// discards only its own changes; runs of progress updates are merged together by the ``ProgressMerger``. A
/// lone write commits at once; under load, work piles up during a commit and the next transaction takes it
/// all, so many concurrent writers share each `fsync`. The queue is bounded: synchronous callers block and
/// asynchronous ones suspend while it is full.
final class StoreWriter: @unchecked Sendable {
    /// One caller's work and how to hand back its result.
    enum Work {
        /// Validated progress updates, merged together with the progress updates next to them in the queue.
        case progress(ProgressSubmission, complete: @Sendable (Result<MergedSubmission, any Error>) -> Void)
        /// A ``LineageStore/write(_:)`` body.
        case write(PendingWrite)

        /// The write body, if this is one.
        var pendingWrite: PendingWrite? {
            if case .write(let pending) = self { pending } else { nil }
        }

        /// How much room it takes in the queue: one per update, one for a write body.
        var weight: Int {
            switch self {
            case .progress(let submission, _): submission.updates.count
            case .write: 1
            }
        }
    }

    /// The most updates one transaction takes.
    static let maxBatch = 20_000

    private let capacity: Int
    private weak var store: LineageStore?
    /// Touched only by the writer thread.
    private var merger: ProgressMerger
    /// The writer thread, set by the thread itself before it takes any work.
    private var thread: pthread_t?
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [Work] = []
    private var queued = 0
    private var closed = false
    private var spaceWaiters: [CheckedContinuation<Void, Never>] = []
    private let finished = DispatchSemaphore(value: 0)
    /// Touched only by the writer thread.
    private let metrics = WriterMetrics()

    /// Starts the thread, which writes to `store` (held weakly: the store owns its writer).
    init(store: LineageStore, capacity: Int, retention: Int, pace: Int64, cacheBytes: Int) {
        self.capacity = max(1, capacity)
        self.store = store
        merger = ProgressMerger(retention: retention, pace: pace, cacheBytes: cacheBytes)
        let started = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            // Named from inside: on Linux only a running thread's own name (at most 15 bytes) reaches profilers.
            Thread.current.name = "lineage-writer"
            self.thread = pthread_self()
            started.signal()
            run()
        }
        thread.start()
        started.wait()
    }

    /// Whether the caller is the writer thread itself, where waiting for the writer would never end.
    var isWriterThread: Bool { thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false }

    /// Runs `pending` in the next group commit and blocks until that transaction has committed (or failed).
    func perform(_ body: (WriteContext) throws -> Void) throws {
        let handoff = Handoff<Void>()
        try withoutActuallyEscaping(body) { body in
            try enqueue(.write(PendingWrite(body, completion: handoff.finish)), whenFull: .wait)
            try handoff.wait()
        }
    }

    /// Runs `body` in the next group commit and suspends until that transaction has committed (or failed).
    func perform(_ body: @escaping @Sendable (WriteContext) throws -> Void) async throws {
        await waitForSpace()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            do {
                try enqueue(.write(PendingWrite(body) { continuation.resume(with: $0) }), whenFull: .queue)
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    /// Submits validated updates, blocking only while the queue is full; `completion` runs on the writer
    /// thread once the transaction holding them has committed (or failed).
    func submit(
        _ updates: [ProgressUpdate], strict: Bool,
        completion: @escaping @Sendable (Result<MergedSubmission, any Error>) -> Void
    ) throws {
        try enqueue(
            .progress(ProgressSubmission(updates: updates, strict: strict), complete: completion), whenFull: .wait)
    }

    /// Submits validated updates and blocks until the transaction holding them has committed.
    func submitAndWait(_ updates: [ProgressUpdate], strict: Bool) throws -> [ProgressOutcome] {
        let handoff = Handoff<MergedSubmission>()
        try submit(updates, strict: strict, completion: handoff.finish)
        return try handoff.wait().outcomes
    }

    /// Submits `submission` and suspends until the transaction holding it has committed.
    func submit(_ submission: ProgressSubmission) async throws -> MergedSubmission {
        await waitForSpace()
        return try await withCheckedThrowingContinuation { continuation in
            do {
                try enqueue(.progress(submission) { continuation.resume(with: $0) }, whenFull: .queue)
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    /// Queues `submission` if the queue has room and the writer is open, never waiting; `completion` runs on
    /// the writer thread once the transaction holding it has committed (or failed).
    /// - Returns: whether it was queued (when not, `completion` never runs).
    func submitIfRoom(
        _ submission: ProgressSubmission,
        completion: @escaping @Sendable (Result<MergedSubmission, any Error>) -> Void
    ) -> Bool {
        (try? enqueue(.progress(submission, complete: completion), whenFull: .decline)) ?? false
    }

    /// Suspends while the queue is full (not at all once the writer is closed: enqueueing then fails).
    private func waitForSpace() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            condition.lock()
            if queued < capacity || closed {
                condition.unlock()
                waiter.resume()
            } else {
                spaceWaiters.append(waiter)
                condition.unlock()
            }
        }
    }

    /// What ``enqueue(_:whenFull:)`` does with work that finds the queue full.
    private enum WhenFull {
        /// Blocks the calling thread until there is room.
        case wait
        /// Queues it anyway (an asynchronous caller that already waited for room).
        case queue
        /// Queues nothing.
        case decline
    }

    /// Queues `work`; `false` only when the queue is full and `whenFull` is ``WhenFull/decline``.
    /// - Throws: ``StoreError`` when called from the writer thread or once the writer is closed.
    @discardableResult
    private func enqueue(_ work: Work, whenFull: WhenFull) throws -> Bool {
        guard !isWriterThread else {
            throw StoreError(
                .invalidInput,
                "a write was started from inside a write transaction (or a progress completion); "
                    + "use the WriteContext given to the transaction instead")
        }
        condition.lock()
        defer { condition.unlock() }
        while whenFull == .wait && queued >= capacity && !closed { condition.wait() }
        guard !closed else { throw StoreError(.storage, "the store is closed; its writer has stopped") }
        if whenFull == .decline && queued >= capacity { return false }
        queue.append(work)
        queued += work.weight
        condition.broadcast()
        return true
    }

    /// Stops accepting work and lets the thread commit what is queued; with `wait`, returns once the thread
    /// has ended (never wait from the writer thread itself).
    func close(wait: Bool = true) {
        condition.lock()
        closed = true
        let waiters = spaceWaiters
        spaceWaiters = []
        condition.broadcast()
        condition.unlock()
        for waiter in waiters { waiter.resume() }
        if wait { finished.wait() }
    }

    private func run() {
        while let batch = nextBatch() {
            var results: [Result<MergedSubmission, any Error>] = []
            let started = DispatchTime.now().uptimeNanoseconds
            let committed = Result {
                guard let store else { throw StoreError(.storage, "the store was released") }
                try store.transaction { context in
                    results = try commitGroup(batch, in: context, of: store)
                    try ChangeFeed.pruneExpired(in: context, retention: store.options.changeRetention)
                }
            }.mapError { StoreError.wrapping($0, "committing") as any Error }
            switch committed {
            case .success:
                metrics.committed(
                    requests: batch.count, outcomes: results.lazy.compactMap { try? $0.get().outcomes },
                    nanoseconds: DispatchTime.now().uptimeNanoseconds - started)
            case .failure: metrics.failed()
            }
            for (position, work) in batch.enumerated() {
                let result = committed.flatMap { results[position] }
                switch work {
                case .progress(_, let complete): complete(result)
                case .write(let pending): pending.finish(result.map { _ in () })
                }
            }
        }
        finished.signal()
    }

    /// Runs every piece of `batch` in queue order in one transaction: each write body in a nested transaction
    /// (its failure is its own), each run of progress submissions through one merge. A lone write body needs no
    /// nested transaction: its failure aborts a transaction that holds nothing else.
    /// - Returns: one result per piece; the merge's for progress, an empty one for a write.
    /// - Throws: what must abort the whole transaction (a storage failure, a full map, a lone body's error).
    private func commitGroup(_ batch: [Work], in context: WriteContext, of store: LineageStore) throws
        -> [Result<MergedSubmission, any Error>]
    {
        let written = MergedSubmission(outcomes: [])
        if batch.count == 1, let pending = batch[0].pendingWrite {
            try pending.run(context)
            return [.success(written)]
        }
        var results: [Result<MergedSubmission, any Error>] = []
        results.reserveCapacity(batch.count)
        var progress: [ProgressSubmission] = []
        func mergeProgress() throws {
            guard !progress.isEmpty else { return }
            results += try merger.merge(progress, in: context).map { .success($0) }
            progress.removeAll()
        }
        for work in batch {
            switch work {
            case .progress(let submission, _):
                progress.append(submission)
            case .write(let pending):
                try mergeProgress()
                let mark = context.changes.mark
                do {
                    try context.transaction.nested { nested in
                        try pending.run(
                            WriteContext(
                                transaction: nested, databases: context.databases, path: context.path,
                                now: store.clock.now(), formatMinor: context.formatMinor, changes: context.changes))
                    }
                    results.append(.success(written))
                } catch {
                    if context.transaction.hitMapFull { throw error }
                    context.changes.rewind(to: mark)
                    results.append(.failure(error))
                }
            }
        }
        try mergeProgress()
        return results
    }

    /// Waits for work and takes up to ``maxBatch`` updates; `nil` once closed and drained.
    private func nextBatch() -> [Work]? {
        condition.lock()
        while queue.isEmpty && !closed { condition.wait() }
        guard !queue.isEmpty else {
            condition.unlock()
            return nil
        }
        var taken = 0
        var count = 0
        while count < queue.count && (count == 0 || taken + queue[count].weight <= Self.maxBatch) {
            taken += queue[count].weight
            count += 1
        }
        metrics.tookGroup(waiting: queued)
        let batch = Array(queue.prefix(count))
        queue.removeFirst(count)
        queued -= taken
        var waiters: [CheckedContinuation<Void, Never>] = []
        if queued < capacity {
            waiters = spaceWaiters
            spaceWaiters = []
        }
        condition.broadcast()
        condition.unlock()
        for waiter in waiters { waiter.resume() }
        return batch
    }
}
