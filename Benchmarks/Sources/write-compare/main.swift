// Small writes from many threads at once — what an HTTP front end does: each writer thread starts one job
// per `store.startJob` call and waits for it to be committed. Reports commits per second and each call's
// latency, with 1 and 16 writer threads, durable and without fsync. Each measurement runs in its own process,
// cases interleaved, median of N runs.
//
// Usage: swift run -c release write-compare [WRITES_PER_CASE] [RUNS]
//        (internal) write-compare --child THREADS MODE WRITES
import BenchmarkSupport
import Foundation
import LineageFormat
import LineageStore
import Synchronization

struct Summary: Codable {
    var writesPerSecond: Double
    var p50: Double
    var p99: Double
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

/// Runs `writes` `startJob` calls spread over `threads` threads; returns throughput and per-call latencies.
func runChildCase(threads: Int, durability: Durability, writes: Int) throws -> Summary {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("writes-\(UUID().uuidString).db").path
    defer { for suffix in ["", "-lock"] { unlink(path + suffix) } }
    var options = StoreOptions()
    options.durability = durability
    let store = try LineageStore.open(at: path, options: options)
    defer { store.close() }
    let perThread = writes / threads
    let latencies = Mutex<[Double]>([])
    let failures = Mutex<[String]>([])
    let start = DispatchTime.now().uptimeNanoseconds
    // Threads of their own, one per writer (concurrentPerform would run only as many as there are cores).
    let finished = DispatchGroup()
    for thread in 0..<threads {
        finished.enter()
        Thread {
            var mine: [Double] = []
            mine.reserveCapacity(perThread)
            do {
                for index in 0..<perThread {
                    let before = DispatchTime.now().uptimeNanoseconds
                    try store.startJob(id: "t\(thread)-\(index)", websiteID: "site-\(thread)", processType: .sync)
                    mine.append(Double(DispatchTime.now().uptimeNanoseconds - before) / 1000)
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
            latencies.withLock { $0 += mine }
            finished.leave()
        }.start()
    }
    finished.wait()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    if let failure = failures.withLock({ $0.first }) { fatalError(failure) }
    let sorted = latencies.withLock { $0.sorted() }
    return Summary(
        writesPerSecond: Double(sorted.count) / seconds, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99))
}

let arguments = CommandLine.arguments
if arguments.count == 5 && arguments[1] == "--child" {
    let summary = try runChildCase(
        threads: Int(arguments[2])!, durability: arguments[3] == "durable" ? .durable : .unsafeFast,
        writes: Int(arguments[4])!)
    print(String(decoding: try JSONEncoder().encode(summary), as: UTF8.self))
    exit(0)
}
let writes = arguments.count > 1 ? Int(arguments[1])! : 4_800
let runs = arguments.count > 2 ? Int(arguments[2])! : 3
let cases = [(1, "durable"), (16, "durable"), (1, "nosync"), (16, "nosync")]

let me = URL(fileURLWithPath: arguments[0]).standardizedFileURL.path
var summaries = Array(repeating: [Summary](), count: cases.count)
for run in 0..<runs {
    for (index, (threads, mode)) in cases.enumerated() {  // interleaved, so machine noise hits every case alike
        let child = runChild([me, "--child", String(threads), mode, String(writes)])
        summaries[index].append(try JSONDecoder().decode(Summary.self, from: Data(child.output.utf8)))
        FileHandle.standardError.write(Data("run \(run + 1)/\(runs) \(threads) threads \(mode): \(child.output)".utf8))
    }
}

print("startJob calls per case: \(writes); median of \(runs) interleaved runs.\n")
print("| writer threads | mode | commits/s | call p50 ms | call p99 ms |")
print("|---:|---|---:|---:|---:|")
for (index, (threads, mode)) in cases.enumerated() {
    let values = summaries[index]
    print(
        String(
            format: "| %d | %@ | %.0f | %.3f | %.3f |", threads, mode, median(values.map(\.writesPerSecond)),
            median(values.map(\.p50)) / 1000, median(values.map(\.p99)) / 1000))
}
