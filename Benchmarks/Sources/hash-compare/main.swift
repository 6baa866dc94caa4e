// Side-by-side file hashing: `lineage hash` against openssl, xxhsum and sha256sum on the same file, in one
// run, each timed as a whole process (median of N runs), with peak resident memory from wait4.
//
// Usage: swift run -c release hash-compare LINEAGE_BINARY [SIZE_MIB] [RUNS]
import BenchmarkSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct Measurement {
    var seconds: Double
    var maxResidentKiB: Int
}

func measure(_ arguments: [String]) -> Measurement {
    let run = runChild(arguments)
    return Measurement(seconds: run.seconds, maxResidentKiB: run.maxResidentKiB)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: hash-compare LINEAGE_BINARY [SIZE_MIB] [RUNS]")
    exit(64)
}
let lineage = arguments[1]
let sizeMiB = arguments.count > 2 ? Int(arguments[2])! : 1024
let runs = arguments.count > 3 ? Int(arguments[3])! : 5
let path = FileManager.default.temporaryDirectory.appendingPathComponent("hash-compare-\(sizeMiB)MiB.bin").path
if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) != sizeMiB << 20 {
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = FileHandle(forWritingAtPath: path)!
    var state: UInt64 = 0x243F_6A88_85A3_08D3
    var block = [UInt8](repeating: 0, count: 1 << 20)
    for _ in 0..<sizeMiB {
        for index in stride(from: 0, to: block.count, by: 8) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            withUnsafeBytes(of: state) { block.replaceSubrange(index..<index + 8, with: $0) }
        }
        handle.write(Data(block))
    }
    handle.closeFile()
}

let tools: [(String, [String])] = [
    ("lineage hash (sha256+xxh3)", [lineage, "hash", path]),
    ("openssl dgst -sha256", ["openssl", "dgst", "-sha256", path]),
    ("lineage hash --xxh3-only", [lineage, "hash", "--xxh3-only", path]),
    ("xxhsum -H2", ["xxhsum", "-H2", path]),
    ("sha256sum", ["sha256sum", path]),
]
_ = tools.map { measure($0.1) }  // warm the page cache and the binaries
var times = Array(repeating: [Double](), count: tools.count)
var memory = Array(repeating: 0, count: tools.count)
for _ in 0..<runs {
    for (index, tool) in tools.enumerated() {  // interleaved, so machine noise hits every tool alike
        let result = measure(tool.1)
        times[index].append(result.seconds)
        memory[index] = max(memory[index], result.maxResidentKiB)
    }
}
let bytes = Double(sizeMiB << 20)
let rates = times.map { bytes / median($0) / 1_048_576 }
print("File: \(sizeMiB) MiB in the page cache; median of \(runs) interleaved runs; whole-process wall time.\n")
print("| tool | median s | MiB/s | peak RSS MiB |")
print("|---|---:|---:|---:|")
for (index, tool) in tools.enumerated() {
    print(
        String(
            format: "| %@ | %.3f | %.0f | %.1f |", tool.0, median(times[index]), rates[index],
            Double(memory[index]) / 1024))
}
print("\n| ratio | value | target |")
print("|---|---:|---:|")
print(String(format: "| sha256+xxh3 vs openssl sha256 | %.2f× | ≥ 0.9× |", rates[0] / rates[1]))
print(String(format: "| xxh3-only vs xxhsum -H2 | %.2f× | ≥ 0.9× |", rates[2] / rates[3]))
print(String(format: "| sha256+xxh3 vs sha256sum | %.2f× | ≥ 5× |", rates[0] / rates[4]))
