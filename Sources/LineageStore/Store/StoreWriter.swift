import Foundation

/// The group-commit writer: one thread that owns every progress-ingestion write transaction.
///
/// Submitters enqueue batches of validated updates; the thread drains whatever is queued (up to ``maxBatch``
/// updates) into one transaction, merges it with its ``ProgressMerger``, commits once, then completes every
/// submitter. A lone update commits at once; under
/// load, updates pile up during a commit and the next transaction takes them all. The queue is bounded:
/// synchronous submitters block and asynchronous ones suspend while it is full.
final class ProgressWriter: @unchecked Sendable {
    /// One submitter's updates and how to hand back their outcomes.
    struct Submission {
        let updates: [ProgressUpdate]
        let strict: Bool
        let complete: @Sendable (Result<[ProgressOutcome], any Error>) -> Void
    }

    /// The most updates one transaction takes.
    static let maxBatch = 20_000

    private let capacity: Int
    private weak var store: LineageStore?
    /// Touched only by the writer thread.
    private var merger: ProgressMerger
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [Submission] = []
    private var queued = 0
    private var closed = false
    private var spaceWaiters: [CheckedContinuation<Void, Never>] = []
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the thread, which merges into `store` (held weakly: the store owns its writer).
    init(store: LineageStore, capacity: Int, retention: Int) {
        self.capacity = max(1, capacity)
        self.store = store
        merger = ProgressMerger(retention: retention)
        let thread = Thread { [self] in
            // Named from inside: on Linux only a running thread's own name (at most 15 bytes) reaches profilers.
            Thread.current.name = "lineage-writer"
            run()
        }
        thread.start()
    }

    /// Submits validated updates, blocking only while the queue is full; `completion` runs on the writer
    /// thread once the transaction holding them has committed (or failed).
    func submit(
        _ updates: [ProgressUpdate], strict: Bool,
        completion: @escaping @Sendable (Result<[ProgressOutcome], any Error>) -> Void
    ) throws {
        try enqueue(Submission(updates: updates, strict: strict, complete: completion), blocking: true)
    }

    /// Submits validated updates and blocks until the transaction holding them has committed.
    func submitAndWait(_ updates: [ProgressUpdate], strict: Bool) throws -> [ProgressOutcome] {
        let done = DispatchSemaphore(value: 0)
        let result = ResultSlot()
        try submit(updates, strict: strict) { outcome in
            result.value = outcome
            done.signal()
        }
        done.wait()
        return try result.value!.get()
    }

    /// Submits validated updates and suspends until the transaction holding them has committed.
    func submit(_ updates: [ProgressUpdate], strict: Bool) async throws -> [ProgressOutcome] {
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
        return try await withCheckedThrowingContinuation { continuation in
            do {
                try enqueue(
                    Submission(updates: updates, strict: strict) { continuation.resume(with: $0) }, blocking: false)
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    private func enqueue(_ submission: Submission, blocking: Bool) throws {
        condition.lock()
        defer { condition.unlock() }
        while blocking && queued >= capacity && !closed { condition.wait() }
        guard !closed else { throw StoreError(.storage, "the store is closed; the progress writer has stopped") }
        queue.append(submission)
        queued += submission.updates.count
        condition.broadcast()
    }

    /// Stops accepting submissions and lets the thread commit what is queued; with `wait`, returns once the
    /// thread has ended (never wait from the writer thread itself).
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
            let result = Result {
                guard let store else { throw StoreError(.storage, "the store was released") }
                return try store.write { try merger.merge(batch, in: $0) }
            }
            switch result {
            case .success(let outcomes):
                for (submission, outcome) in zip(batch, outcomes) { submission.complete(.success(outcome)) }
            case .failure(let error):
                for submission in batch { submission.complete(.failure(error)) }
            }
        }
        finished.signal()
    }

    /// Waits for work and takes up to ``maxBatch`` updates; `nil` once closed and drained.
    private func nextBatch() -> [Submission]? {
        condition.lock()
        while queue.isEmpty && !closed { condition.wait() }
        guard !queue.isEmpty else {
            condition.unlock()
            return nil
        }
        var taken = 0
        var count = 0
        while count < queue.count && (count == 0 || taken + queue[count].updates.count <= Self.maxBatch) {
            taken += queue[count].updates.count
            count += 1
        }
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

/// A result handed from the writer thread to a blocked submitter; the semaphore orders the accesses.
private final class ResultSlot: @unchecked Sendable {
    var value: Result<[ProgressOutcome], any Error>?
}
