import ArgumentParser
import Foundation
import LineageStore

/// `lineage demo`: a day of file imports through the content registry, then what an operator would look at.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Simulate a day of file imports into a real database and show what the store recorded.",
        discussion: """
            Writes import files into a scratch directory, hashes and registers each one (SHA-256 and XXH3-128 \
            in one pass), re-checks them through the stat cache, changes one, and prints duplicates, \
            per-kind record counts and the measured hashing rate.
            """
    )

    enum Scale: String, ExpressibleByArgument, CaseIterable {
        case small, large
        var bigFileBytes: Int { self == .small ? 64 << 20 : 1 << 30 }
    }

    @Option(name: .long, help: "The database file to write.")
    var db = "lineage-demo.db"

    @Option(name: .long, help: "small (seconds) or large (a 1 GiB file).")
    var scale: Scale = .small

    @Flag(name: .long, help: "Delete an existing database at --db first.")
    var fresh = false

    func run() throws {
        do {
            try runDemo()
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }

    private func runDemo() throws {
        let fileManager = FileManager.default
        if fresh {
            try? fileManager.removeItem(atPath: db)
            try? fileManager.removeItem(atPath: db + "-lock")
        } else if fileManager.fileExists(atPath: db) {
            throw ValidationError("\(db) exists; pass --fresh to replace it or --db to choose another file")
        }
        let work = fileManager.temporaryDirectory.appendingPathComponent("lineage-demo-\(getpid())")
        try fileManager.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: work) }

        let store = try LineageStore.open(at: db)
        defer { store.close() }
        print(
            "LineageStore demo — database \(store.path) (format v\(store.formatInfo.major), \(store.formatInfo.createdBy))\n"
        )

        let files = try writeImportFiles(into: work)
        print("1. Hash and register \(files.count) import files (SHA-256 + XXH3-128, one pass):")
        for file in files {
            let result = try store.hashFile(at: file.path, register: true)
            print(
                "   \(result.digests.sha256Hex!.prefix(16))…  \(result.digests.xxh3Hex.prefix(16))…  "
                    + "\(humanBytes(Double(result.digests.size)).padding(toLength: 10, withPad: " ", startingAt: 0)) "
                    + file.lastPathComponent)
        }

        print("\n2. Check them again: unchanged files come from the stat cache, nothing is re-read:")
        let again = try files.map { try store.hashFile(at: $0.path) }
        print("   \(again.filter(\.fromCache).count) of \(again.count) answered from the stat cache")

        let changed = files[1]
        let handle = try FileHandle(forWritingTo: changed)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("9999,late row,0.00\n".utf8))
        try handle.close()
        let rehashed = try store.hashFile(at: changed.path, register: true)
        print(
            "   after appending a row to \(changed.lastPathComponent): from cache = \(rehashed.fromCache), "
                + "new content \(rehashed.digests.sha256Hex!.prefix(16))…")
        let seen = try store.seenBefore(fileAt: files[0].path)
        print(
            "   have we seen \(files[0].lastPathComponent) before? \(seen.map { "yes, \($0.seenCount) sightings" } ?? "no")"
        )

        print("\n3. Duplicate files (same content under different names):")
        for duplicate in try store.duplicates() {
            print(
                "   \(duplicate.content.sha256.prefix(8).map { String(format: "%02x", $0) }.joined())…  "
                    + "\(humanBytes(Double(duplicate.content.size)))  seen \(duplicate.content.seenCount)×:")
            for sighting in duplicate.sightings { print("     - \((sighting.location as NSString).lastPathComponent)") }
        }
        let indexed = try store.contents(xxh3: rehashed.digests.xxh3)
        print("   lookup by XXH3-128 index finds \(indexed.count) content(s) for the changed file")

        print("\n4. What the database holds:")
        let stats = try store.statistics()
        for (kind, count) in stats.recordsByKind.sorted(by: { $0.key < $1.key }) {
            print("   \(kind.padding(toLength: 12, withPad: " ", startingAt: 0)) \(count) records")
        }
        for name in ["meta", "records", "index", "events"] {
            print(
                "   database \(name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(stats.databases[name]?.entries ?? 0) entries"
            )
        }
        let fileSize = (try fileManager.attributesOfItem(atPath: store.path)[.size] as? NSNumber)?.doubleValue ?? 0
        print("   file size \(humanBytes(fileSize)), map \(humanBytes(Double(stats.environment.mapSize)))")

        print("\n5. Hashing rate on the \(humanBytes(Double(scale.bigFileBytes))) file (page cache):")
        let big = files.last!.path
        for algorithms in FileHasher.Algorithms.allCases {
            let start = Date()
            _ = try FileHasher(algorithms: algorithms).digests(ofFileAt: big)
            let seconds = Date().timeIntervalSince(start)
            print(
                "   \(algorithms.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) "
                    + "\(humanBytes(Double(scale.bigFileBytes) / seconds))/s")
        }
        print("\nInspect the file with: mdb_stat -n -a \(db)")
    }

    /// Deterministic CSV exports: four distinct, one duplicated under another name, and one large file.
    private func writeImportFiles(into directory: URL) throws -> [URL] {
        func csv(_ seed: Int, rows: Int) -> Data {
            var text = "id,name,amount\n"
            for row in 0..<rows { text += "\(row),customer-\(seed)-\(row),\((row * 37 + seed) % 1000).\(row % 100)\n" }
            return Data(text.utf8)
        }
        var urls: [URL] = []
        let files: [(String, Data)] = [
            ("customers.csv", csv(1, rows: 500)), ("orders.csv", csv(2, rows: 2_000)),
            ("products.csv", csv(3, rows: 300)), ("refunds.csv", csv(4, rows: 50)),
        ]
        for (name, data) in files + [("customers (1).csv", files[0].1)] {
            let url = directory.appendingPathComponent(name)
            try data.write(to: url)
            urls.append(url)
        }
        let big = directory.appendingPathComponent("events-archive.bin")
        try writePseudoRandomFile(big, bytes: scale.bigFileBytes)
        urls.append(big)
        return urls
    }

    /// Writes `bytes` (a multiple of 1 MiB) of deterministic pseudo-random data, 1 MiB at a time.
    private func writePseudoRandomFile(_ url: URL, bytes: Int) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var block = [UInt64](repeating: 0, count: (1 << 20) / 8)
        for _ in 0..<(bytes >> 20) {
            for index in block.indices {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                block[index] = state
            }
            try handle.write(contentsOf: block.withUnsafeBytes { Data($0) })
        }
    }
}
