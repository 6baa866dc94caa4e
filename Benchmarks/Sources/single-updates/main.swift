// Single progress updates with receipts from many concurrent callers, closed loop — the writer's work under
// `lineage serve`'s single-update POSTs without HTTP or a load generator. CALLERS callers each keep one update
// in flight through `LineageStore.receiptIfRoom` (the HTTP fast path's submission); a completion hands the
// caller's next update to one of two serial queues (the server's two event loops), which submits it. Every
// update has the crawler payload's shape with one timeline event and a fresh (reporter, seq) of two reporters
// (as `Scripts/progress_update.lua` sends them), round JOBS jobs.
// Reports updates/s for 100 jobs (every update of a group to a different job) and for 1 job, durable and
// without fsync (the writer's CPU alone). Each measurement runs in its own process, cases interleaved,
// median of RUNS runs.
//
// Usage: swift run -c release single-updates [UPDATES_PER_CASE] [RUNS] [CALLERS]
//        (internal) single-updates --child MODE JOBS CALLERS UPDATES
import BenchmarkSupport
import Dispatch
import Foundation
import LineageFormat
import LineageStore
import Synchronization

/// The update numbered `n` (from 1), from reporter `reporter`, for job `job`.
func update(_ n: UInt64, reporter: Int, job: Int) -> ProgressUpdate {
    let time = Timestamp.parse("2025-01-06T19:15:30.000Z")!  // one time, as the wrk script sends
    return ProgressUpdate(
        jobID: "job-\(job)", reporter: "crawler-\(reporter)", seq: n, timestamp: time, status: .processing,
        processedItems: Int64(n), totalItems: 1_000_000, currentDataType: "issues",
        itemsByType: [ExactString("issues"): 1], lastProcessedID: "issues-\(n)", stage: "data_collection",
        operationType: "data_collection",
        timeline: [
            .init(
                event: "progress_update", timestamp: time,
                details: #"{"page":\#(n),"rate_limit":{"remaining":4999,"reset":1736190930},"type":"issues"}"#)
        ])
}

/// Runs `updates` single updates from `callers` callers round `jobs` jobs; returns updates per second.
func runChildCase(durability: Durability, jobs: Int, callers: Int, updates: Int) throws -> Double {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("single-\(UUID().uuidString).db").path
    defer { for suffix in ["", "-lock"] { unlink(path + suffix) } }
    var options = StoreOptions()
    options.durability = durability
    let store = try LineageStore.open(at: path, options: options)
    defer { store.close() }
    let loops = [DispatchQueue(label: "loop-0"), DispatchQueue(label: "loop-1")]
    let submitted = Atomic<Int>(0)
    let failure = Mutex<String?>(nil)
    let finished = DispatchGroup()

    /// Submits caller `caller`'s next update, unless every update has been submitted.
    @Sendable func submit(caller: Int) {
        let index = submitted.add(1, ordering: .relaxed).oldValue
        guard index < updates else {
            finished.leave()
            return
        }
        let n = UInt64(index + 1)
        let queued = store.receiptIfRoom(for: update(n, reporter: caller % 2, job: index % jobs)) { result in
            switch result {
            case .success(let receipt) where receipt.outcome.kind == .applied:
                loops[caller % 2].async { submit(caller: caller) }
            case .success(let receipt):
                failure.withLock { $0 = "update \(n): \(receipt.outcome.kind)" }
                finished.leave()
            case .failure(let error):
                failure.withLock { $0 = "update \(n): \(error)" }
                finished.leave()
            }
        }
        if !queued {
            failure.withLock { $0 = "the writer's queue refused caller \(caller)" }
            finished.leave()
        }
    }

    let start = DispatchTime.now().uptimeNanoseconds
    for caller in 0..<callers {
        finished.enter()
        loops[caller % 2].async { submit(caller: caller) }
    }
    finished.wait()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    if let failure = failure.withLock({ $0 }) { fatalError(failure) }
    return Double(updates) / seconds
}

let arguments = CommandLine.arguments
if arguments.count == 6 && arguments[1] == "--child" {
    let rate = try runChildCase(
        durability: arguments[2] == "durable" ? .durable : .unsafeFast, jobs: Int(arguments[3])!,
        callers: Int(arguments[4])!, updates: Int(arguments[5])!)
    print(String(format: "%.0f", rate))
    exit(0)
}
let updates = arguments.count > 1 ? Int(arguments[1])! : 100_000
let runs = arguments.count > 2 ? Int(arguments[2])! : 3
let callers = arguments.count > 3 ? Int(arguments[3])! : 64
let cases = [("durable", 100), ("nosync", 100), ("durable", 1), ("nosync", 1)]

let me = URL(fileURLWithPath: arguments[0]).standardizedFileURL.path
var rates = Array(repeating: [Double](), count: cases.count)
for run in 0..<runs {
    for (index, (mode, jobs)) in cases.enumerated() {  // interleaved, so machine noise hits every case alike
        let child = runChild([me, "--child", mode, String(jobs), String(callers), String(updates)])
        rates[index].append(Double(child.output.trimmingCharacters(in: .whitespacesAndNewlines))!)
        FileHandle.standardError.write(Data("run \(run + 1)/\(runs) \(mode) \(jobs) jobs: \(child.output)".utf8))
    }
}

print("\(updates) single updates per case from \(callers) callers; median of \(runs) interleaved runs.\n")
print("| mode | jobs | updates/s | µs per update |")
print("|---|---:|---:|---:|")
for (index, (mode, jobs)) in cases.enumerated() {
    let rate = median(rates[index])
    print(String(format: "| %@ | %d | %.0f | %.1f |", mode, jobs, rate, 1e6 / rate))
}
