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
            name: "hash-compare",
            path: "Sources/hash-compare"
        ),
    ],
    swiftLanguageModes: [.v6]
)
