import Dispatch
import LineageStore

/// Overlaps parsing with committing: the caller parses batch N+1 while a background queue hands batch N to
/// the store's writer. At most two batches are in flight, so memory stays bounded.
final class IngestPipeline: @unchecked Sendable {
    /// Outcome counts and the invalid lines, by line number.
    struct Summary {
        var counts: [ProgressOutcome.Kind: Int] = [:]
        var invalid: [(line: Int, message: String)] = []
    }

    private let store: LineageStore
    private let strict: Bool
    private let queue = DispatchQueue(label: "lineage.ingest")
    private let slots = DispatchSemaphore(value: 2)
    // Touched only on `queue`.
    private var summary = Summary()
    private var failure: (any Error)?

    init(store: LineageStore, strict: Bool) {
        self.store = store
        self.strict = strict
    }

    /// Parses `lines` (numbered in messages by `numbers`) here and queues them for the writer.
    func submit(_ lines: [LineReader.Line], numbers: [Int]) {
        var parsed: [ProgressUpdate] = []
        var rejected: [(Int, String)] = []
        parsed.reserveCapacity(lines.count)
        for (line, number) in zip(lines, numbers) {
            switch line {
            case .text(let bytes):
                do { parsed.append(try ProgressUpdate.parse(json: bytes)) } catch let error as StoreError {
                    rejected.append((number, error.message))
                } catch {
                    rejected.append((number, "\(error)"))
                }
            case .tooLong(let length):
                rejected.append((number, "the update is \(length) bytes; the limit is \(ProgressUpdate.maxJSONBytes)"))
            }
        }
        let updates = parsed
        let invalid = rejected
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard failure == nil else { return }
            do {
                for outcome in try store.ingest(updates, strict: strict).outcomes {
                    summary.counts[outcome.kind, default: 0] += 1
                }
                summary.counts[.invalid, default: 0] += invalid.count
                summary.invalid += invalid
            } catch {
                failure = error
            }
        }
    }

    /// Waits for every batch and returns the summary, or the storage error that stopped ingestion.
    func finish() throws -> Summary {
        try queue.sync {
            if let failure { throw failure }
            return summary
        }
    }
}
