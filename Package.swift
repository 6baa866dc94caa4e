// swift-tools-version: 6.1
import PackageDescription

/// `LINEAGE_FUZZ=1 swift build --product lineage-fuzz` (what `make fuzz` runs) instruments the library for
/// libFuzzer with AddressSanitizer and links `lineage-fuzz` as a libFuzzer binary; the build tools stay as
/// they are.
let fuzzing = Context.environment["LINEAGE_FUZZ"] != nil
let instrumented: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

let package = Package(
    name: "LineageStore",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "LineageStore", targets: ["LineageStore"]),
        .library(name: "LineageFormat", targets: ["LineageFormat"]),
        .library(name: "LMDB", targets: ["LMDB"]),
        .library(name: "LineageServer", targets: ["LineageServer"]),
        .library(name: "LineageMirror", targets: ["LineageMirror"]),
        .executable(name: "lineage", targets: ["lineage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        .systemLibrary(
            name: "CXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        .target(name: "CFileLocks"),
        .target(name: "LMDB", dependencies: ["CLMDB", "CFileLocks"]),
        .target(
            name: "LineageFormat", dependencies: ["CXXHash"], swiftSettings: instrumented, plugins: ["RecordCodegen"]),
        .target(
            name: "LineageStore",
            dependencies: [
                "LMDB",
                "LineageFormat",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: instrumented
        ),
        .target(
            name: "LineageServer",
            dependencies: [
                "LineageStore",
                "LineageFormat",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .target(
            name: "LineageMirror",
            dependencies: [
                "LineageStore",
                "LineageFormat",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "lineage",
            dependencies: [
                "LineageStore",
                "LineageFormat",
                "LineageServer",
                "LineageMirror",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/lineage"
        ),
        .target(
            name: "RecordSchema",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
            path: "Tools/RecordSchema"
        ),
        .executableTarget(name: "generate-records", dependencies: ["RecordSchema"], path: "Tools/generate-records"),
        .plugin(
            name: "RecordCodegen",
            capability: .buildTool(),
            dependencies: ["generate-records"],
            path: "Tools/RecordCodegen"
        ),
        .target(
            name: "FuzzTargets", dependencies: ["LineageStore", "LineageFormat"], path: "Tools/Fuzz/FuzzTargets",
            swiftSettings: instrumented),
        .target(name: "CLibFuzzer", path: "Tools/Fuzz/CLibFuzzer"),
        .executableTarget(
            name: "lineage-fuzz", dependencies: ["FuzzTargets", "CLibFuzzer"], path: "Tools/Fuzz/lineage-fuzz",
            swiftSettings: instrumented + (fuzzing ? [.define("LIBFUZZER")] : []),
            linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])] : []),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB", "CFileLocks", "TestSupport"]),
        .testTarget(name: "LineageFormatTests", dependencies: ["LineageFormat", "RecordSchema", "TestSupport"]),
        .testTarget(
            name: "LineageStoreTests",
            dependencies: ["LineageStore", "LMDB", "LineageFormat", "FuzzTargets", "TestSupport"]),
        .testTarget(
            name: "LineageCLITests",
            dependencies: ["lineage", "LineageStore", "LineageFormat", "LineageMirror", "LMDB", "TestSupport"]),
        .testTarget(name: "LineageServerTests", dependencies: ["LineageServer", "LineageStore", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
