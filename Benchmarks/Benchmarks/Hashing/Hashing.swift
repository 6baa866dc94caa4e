import Benchmark
import LineageStore

/// In-process hashing throughput and allocation counts (allocations gate regressions; time is reported).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident])
    let input = [UInt8](repeating: 0xA5, count: 64 << 20)

    Benchmark("FileHasher-sha256+xxh3-64MiB", configuration: .init(scalingFactor: .one, maxIterations: 10)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(FileHasher().digests(of: input))
        }
    }

    Benchmark("FileHasher-xxh3-64MiB", configuration: .init(scalingFactor: .one, maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(FileHasher(algorithms: .xxh3Only).digests(of: input))
        }
    }
}
