// Side-by-side progress ingestion: LineageStore's group-commit merge against SQLite (WAL, json_set), RocksDB
// (dedupe keys, a merge operator) and a raw LMDB read-modify-write loop, on the same deterministic stream, in one run. Each measurement runs in its own
// process (peak memory from wait4), cases interleaved, median of N runs.
//
// Usage: swift run -c release progress-compare [UPDATES] [RUNS] [ONE_AT_A_TIME_UPDATES]
//        swift run -c release progress-compare huge [RUNS]   (1,000,000 jobs, 2,000,000 updates: memory, cache)
//        (internal) progress-compare --child ENGINE WORKLOAD MODE UPDATES
import BenchmarkSupport
import Foundation
import LineageStore

struct Summary: Codable {
    var updatesPerSecond: Double
    var p50: Double
    var p99: Double
    var databaseBytes: Int
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

func workload(_ name: String, updates: Int) -> Workload {
    switch name {
    case "hot": Workload(name: "hot", jobs: 100, total: updates)
    case "wide": Workload(name: "wide", jobs: 10_000, total: updates)
    case "huge": Workload(name: "huge", jobs: 1_000_000, total: 2_000_000)
    default: fatalError("unknown workload \(name)")
    }
}

func runChildCase(_ engine: String, _ workloadName: String, _ mode: String, _ updates: Int) async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString).db").path
    defer {
        for suffix in ["", "-lock", "-wal", "-shm"] { unlink(path + suffix) }
    }
    let durability: Durability = mode == "durable" ? .durable : .unsafeFast
    let load = workload(workloadName, updates: updates)
    let result: EngineResult =
        switch engine {
        case "lineagestore": try runLineageStore(load, path: path, durability: durability)
        case "lineagestore-unbounded":
            try runLineageStore(load, path: path, durability: durability, writerCacheBytes: 16 << 30)
        case "lineagestore-nopace":
            try runLineageStore(load, path: path, durability: durability, progressEventPace: 0)
        case "lineagestore-single": try await runLineageStoreOneAtATime(load, path: path, durability: durability)
        case "sqlite": try runSQLite(load, path: path)
        case "rocksdb": try runRocksDB(load, path: path, durability: durability)
        case "raw-lmdb": try runRawLMDB(load, path: path, durability: durability)
        case "raw-lmdb-single": try runRawLMDB(load, path: path, durability: durability, perTransaction: 1)
        default: fatalError("unknown engine \(engine)")
        }
    let summary = Summary(
        updatesPerSecond: Double(result.updates) / result.seconds, p50: percentile(result.latencies, 0.5),
        p99: percentile(result.latencies, 0.99), databaseBytes: result.databaseBytes)
    print(String(decoding: try JSONEncoder().encode(summary), as: UTF8.self))
}

let arguments = CommandLine.arguments
if arguments.count == 6 && arguments[1] == "--child" {
    try await runChildCase(arguments[2], arguments[3], arguments[4], Int(arguments[5])!)
    exit(0)
}
/// The positive integer argument at `index`, or `value` when there is none; anything else prints the usage.
func count(at index: Int, default value: Int) -> Int {
    guard arguments.count > index else { return value }
    guard let parsed = Int(arguments[index]), parsed > 0 else {
        FileHandle.standardError.write(Data("usage: progress-compare [UPDATES [RUNS [SINGLE]]] | huge [RUNS]\n".utf8))
        exit(64)
    }
    return parsed
}
let hugeOnly = arguments.count > 1 && arguments[1] == "huge"
let updates = hugeOnly ? 0 : count(at: 1, default: 1_000_000)
let runs = count(at: 2, default: 3)
let single = count(at: 3, default: 2_000)

struct Case {
    let label: String
    let engine: String
    let workload: String
    let mode: String
    let updates: Int
}

var cases: [Case] = []
if hugeOnly {  // 2,000,000 updates over 1,000,000 jobs: memory stays flat; what the cache's misses cost
    cases.append(Case(label: "LineageStore", engine: "lineagestore", workload: "huge", mode: "durable", updates: 0))
    cases.append(
        Case(
            label: "LineageStore, unbounded cache", engine: "lineagestore-unbounded", workload: "huge",
            mode: "durable", updates: 0))
    cases.append(Case(label: "raw LMDB loop", engine: "raw-lmdb", workload: "huge", mode: "durable", updates: 0))
    cases.append(Case(label: "RocksDB", engine: "rocksdb", workload: "huge", mode: "durable", updates: 0))
} else {
    for name in ["hot", "wide"] {
        for mode in ["durable", "nosync"] {
            cases.append(
                Case(label: "LineageStore", engine: "lineagestore", workload: name, mode: mode, updates: updates))
            cases.append(Case(label: "raw LMDB loop", engine: "raw-lmdb", workload: name, mode: mode, updates: updates))
            cases.append(Case(label: "RocksDB", engine: "rocksdb", workload: name, mode: mode, updates: updates))
        }
        cases.append(Case(label: "SQLite", engine: "sqlite", workload: name, mode: "wal-normal", updates: updates))
    }
    cases.append(  // what the merge's own progress_update events (one per job and minute) cost
        Case(
            label: "LineageStore, no pace events", engine: "lineagestore-nopace", workload: "wide", mode: "durable",
            updates: updates))
    for mode in ["durable", "nosync"] {
        cases.append(
            Case(label: "LineageStore", engine: "lineagestore-single", workload: "hot", mode: mode, updates: single))
        cases.append(
            Case(label: "bare LMDB commit", engine: "raw-lmdb-single", workload: "hot", mode: mode, updates: single))
    }
}

let me = URL(fileURLWithPath: arguments[0]).standardizedFileURL.path
var summaries = Array(repeating: [Summary](), count: cases.count)
var memory = Array(repeating: 0, count: cases.count)
for run in 0..<runs {
    for (index, item) in cases.enumerated() {  // interleaved, so machine noise hits every engine alike
        let child = runChild([me, "--child", item.engine, item.workload, item.mode, String(item.updates)])
        summaries[index].append(try JSONDecoder().decode(Summary.self, from: Data(child.output.utf8)))
        memory[index] = max(memory[index], child.maxResidentKiB)
        FileHandle.standardError.write(
            Data("run \(run + 1)/\(runs) \(item.label) \(item.workload) \(item.mode): \(child.output)".utf8))
    }
}

@MainActor func medianSummary(_ index: Int) -> Summary {
    let values = summaries[index]
    return Summary(
        updatesPerSecond: median(values.map(\.updatesPerSecond)), p50: median(values.map(\.p50)),
        p99: median(values.map(\.p99)), databaseBytes: values.last!.databaseBytes)
}

@MainActor func index(_ engine: String, _ workload: String, _ mode: String) -> Int {
    cases.firstIndex { $0.engine == engine && $0.workload == workload && $0.mode == mode }!
}

print(
    hugeOnly
        ? "huge: 2,000,000 updates over 1,000,000 jobs; median of \(runs) interleaved runs.\n"
        : "Updates per workload: \(updates); one-at-a-time: \(single); median of \(runs) interleaved runs.\n")
print("| workload | engine | mode | updates/s | ack p50 ms | ack p99 ms | peak RSS MiB | DB MiB |")
print("|---|---|---|---:|---:|---:|---:|---:|")
for (position, item) in cases.enumerated() {
    let summary = medianSummary(position)
    let name = item.engine.hasSuffix("single") ? "one-at-a-time" : item.workload
    print(
        String(
            format: "| %@ | %@ | %@ | %.0f | %.3f | %.3f | %.1f | %.1f |", name, item.label, item.mode,
            summary.updatesPerSecond, summary.p50 / 1000, summary.p99 / 1000, Double(memory[position]) / 1024,
            Double(summary.databaseBytes) / 1_048_576))
}
if hugeOnly { exit(0) }
print("\n| ratio | mode | measured | target |")
print("|---|---|---:|---:|")
for (name, mode, sqliteTarget, rawTarget) in [
    ("hot", "durable", 6.0, 1.5), ("hot", "nosync", 0, 0), ("wide", "durable", 4.0, 1.0), ("wide", "nosync", 0, 0.8),
] {
    let ours = medianSummary(index("lineagestore", name, mode)).updatesPerSecond
    let sqlite = medianSummary(index("sqlite", name, "wal-normal")).updatesPerSecond
    let rocksdb = medianSummary(index("rocksdb", name, mode)).updatesPerSecond
    let raw = medianSummary(index("raw-lmdb", name, mode)).updatesPerSecond
    func target(_ value: Double) -> String { value > 0 ? String(format: "≥ %.1f×", value) : "" }
    print(
        String(
            format: "| %@: LineageStore / SQLite | %@ | %.2f× | %@ |", name, mode, ours / sqlite, target(sqliteTarget)))
    print(String(format: "| %@: LineageStore / RocksDB | %@ | %.2f× | |", name, mode, ours / rocksdb))
    print(
        String(
            format: "| %@: LineageStore / raw LMDB loop | %@ | %.2f× | %@ |", name, mode, ours / raw, target(rawTarget))
    )
}
let bareDurable = medianSummary(index("raw-lmdb-single", "hot", "durable")).p99
for mode in ["durable", "nosync"] {
    let ours = medianSummary(index("lineagestore-single", "hot", mode)).p99
    print(
        String(
            format: "| one-at-a-time p99: LineageStore (%@) / bare LMDB durable commit | | %.2f× | ≤ 1.5× |", mode,
            ours / bareDurable))
}
