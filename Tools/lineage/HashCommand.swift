import ArgumentParser
import Foundation
import LineageStore

/// `lineage hash FILE...|-`: SHA-256 and XXH3-128 of files or standard input.
struct HashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Print the SHA-256 and XXH3-128 of files (or - for standard input) in one pass.",
        discussion: """
            Digests are spelled as sha256sum and xxhsum -H2 print them. With --register, each file's content \
            is recorded in the database's content registry and the stat cache spares re-reading unchanged files.
            """
    )

    @Argument(help: "Files to hash; - reads standard input.")
    var files: [String]

    @Flag(name: .long, help: "Compute XXH3-128 only (change detection).")
    var xxh3Only = false

    @Flag(name: .long, help: "Record each file's content in the database (and use its stat cache).")
    var register = false

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    @OptionGroup var location: StoreLocation

    static let progressThreshold: UInt64 = 256 << 20

    func run() throws {
        let algorithms: FileHasher.Algorithms = xxh3Only ? .xxh3Only : .sha256AndXXH3
        let store: LineageStore?
        do { store = try register ? location.open(writable: true) : nil } catch { throw fail(error) }
        var results: [HashedFile] = []
        var failed = false
        for file in files {
            do {
                let result = try hash(file, algorithms: algorithms, store: store)
                if format == .json { results.append(result) } else { print(try line(for: result)) }
            } catch {
                failed = true
                _ = fail(error)
            }
        }
        if format == .json { print(try encodedJSON(results, pretty: true)) }
        if failed { throw ExitCode(1) }
    }

    private func hash(_ file: String, algorithms: FileHasher.Algorithms, store: LineageStore?) throws -> HashedFile {
        if file == "-" {
            let digests = try FileHasher(algorithms: algorithms).digests(ofStream: STDIN_FILENO, name: "standard input")
            try store?.recordContent(digests, seenAt: "stdin")
            return HashedFile(path: "-", digests: digests, fromCache: false)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? UInt64) ?? 0
        let bar = ProgressBar(label: (file as NSString).lastPathComponent, enabled: size > Self.progressThreshold)
        defer { bar.finish() }
        if let store {
            return try store.hashFile(at: file, algorithms: algorithms, register: register, progress: bar.update)
        }
        let (digests, _) = try FileHasher(algorithms: algorithms).digests(ofFileAt: file, progress: bar.update)
        return HashedFile(path: file, digests: digests, fromCache: false)
    }

    /// One file's line, printed as soon as it is hashed, as `sha256sum` does.
    private func line(for result: HashedFile) throws -> String {
        guard format == .table else { return try encodedJSON(result) }
        let sha = result.digests.sha256Hex ?? String(repeating: "-", count: 64)
        return "\(sha)  \(result.digests.xxh3Hex)  \(result.path)"
    }

}
