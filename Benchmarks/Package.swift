// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "LineageStoreBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "LineageStore", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Hashing",
            dependencies: [
                .product(name: "LineageStore", package: "LineageStore"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Hashing",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Ingestion",
            dependencies: [
                .product(name: "LineageStore", package: "LineageStore"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Ingestion",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3"),
        .systemLibrary(name: "CRocksDB", path: "Sources/CRocksDB", pkgConfig: "rocksdb"),
        .target(name: "BenchmarkSupport", path: "Sources/BenchmarkSupport"),
        .executableTarget(
            name: "hash-compare",
            dependencies: ["BenchmarkSupport"],
            path: "Sources/hash-compare"
        ),
        .executableTarget(
            name: "progress-compare",
            dependencies: [
                "BenchmarkSupport", "CSQLite", "CRocksDB",
                .product(name: "LineageStore", package: "LineageStore"),
                .product(name: "LineageFormat", package: "LineageStore"),
                .product(name: "LMDB", package: "LineageStore"),
            ],
            path: "Sources/progress-compare"
        ),
        .executableTarget(
            name: "single-updates",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "LineageStore", package: "LineageStore"),
                .product(name: "LineageFormat", package: "LineageStore"),
            ],
            path: "Sources/single-updates"
        ),
        .executableTarget(
            name: "write-compare",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "LineageStore", package: "LineageStore"),
                .product(name: "LineageFormat", package: "LineageStore"),
            ],
            path: "Sources/write-compare"
        ),
    ],
    swiftLanguageModes: [.v6]
)
