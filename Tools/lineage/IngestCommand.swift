import ArgumentParser
import Foundation
import LineageStore

/// `lineage ingest`: streams JSON lines of progress updates through the group-commit writer.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Merge JSON lines of crawler progress updates into the database.",
        discussion: """
            Each non-blank line is one update in the crawler payload's shape ({"jobId": …, "reporter": …, \
            "seq": …}). \
            Lines are parsed on this thread while the store's writer commits the previous batch. Prints the \
            count per outcome and the rate; exits 65 if any line was invalid, after applying all valid ones.
            """
    )

    /// How commits reach the disk.
    enum DurabilityChoice: String, ExpressibleByArgument, CaseIterable {
        case durable, relaxed, none
        var mode: Durability {
            switch self {
            case .durable: .durable
            case .relaxed: .relaxed
            case .none: .unsafeFast
            }
        }
    }

    @OptionGroup var location: StoreLocation
    @OptionGroup var writerCache: WriterCacheOption

    @Argument(help: "JSON-lines files, or - for standard input (the default).")
    var files: [String] = []

    @Flag(name: .long, help: "Refuse updates for jobs that do not exist (unknown_job) instead of creating them.")
    var strict = false

    @Option(name: .long, help: "durable (fsync each commit), relaxed, or none.")
    var durability: DurabilityChoice = .durable

    @Option(name: .long, help: "Lines handed to the writer at a time.")
    var batchSize = 5_000

    @Option(name: .long, help: "How to print the summary: table, json or jsonl.")
    var format: OutputFormat = .table

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "After each commit, print 'committed N lines of FILE' on standard error: they are stored (durably"
                + " with --durability durable), so a producer may discard them."))
    var reportCommits = false

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() throws {
        var options = StoreOptions()
        options.durability = durability.mode
        writerCache.apply(to: &options)
        let store: LineageStore
        do { store = try LineageStore.open(at: location.path, options: options) } catch { throw fail(error) }
        defer { store.close() }
        let inputs = files.isEmpty ? ["-"] : files
        let sizes = inputs.map { ((try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? Int) ?? 0 }
        let bar = ProgressBar(label: "ingest", enabled: !inputs.contains("-"))
        var summary = JSONLinesIngestSummary()
        do {
            for (index, file) in inputs.enumerated() {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw StoreError(.io, "\(file) is a directory")
                }
                guard let handle = file == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: file) else {
                    throw StoreError(.io, "cannot open \(file)")
                }
                let before = sizes[..<index].reduce(0, +)
                let report = reportCommits ? Self.commitReporter(file) : nil
                summary.add(
                    try store.ingest(
                        jsonLinesFrom: handle, named: file, strict: strict, batchSize: batchSize,
                        progress: { bar.update(done: UInt64(before + $0), total: UInt64(sizes.reduce(0, +))) },
                        committed: report))
            }
        } catch {
            throw fail(error)
        }
        bar.finish()
        try report(summary)
        if (summary.counts[.invalid] ?? 0) > 0 { throw ExitCode(65) }
    }

    /// Prints `committed N lines of FILE` on standard error for each commit.
    private static func commitReporter(_ file: String) -> @Sendable (Int) -> Void {
        { lines in FileHandle.standardError.write(Data("committed \(lines) lines of \(file)\n".utf8)) }
    }

    private func report(_ summary: JSONLinesIngestSummary) throws {
        switch format {
        case .table:
            print(
                "ingested \(summary.updates) updates in \(String(format: "%.2f", summary.seconds)) s "
                    + "(\(Int(summary.updatesPerSecond)) updates/s)")
            for kind in ProgressOutcome.Kind.allCases {
                print(
                    "  \(kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(summary.counts[kind] ?? 0)"
                )
            }
        case .json, .jsonl:
            print(try encodedJSON(summary))
        }
        for entry in summary.invalid.prefix(20) {
            FileHandle.standardError.write(
                Data("lineage: \(entry.source) line \(entry.line): invalid: \(entry.message)\n".utf8))
        }
        if summary.invalid.count > 20 {
            FileHandle.standardError.write(
                Data("lineage: … and \(summary.invalid.count - 20) more invalid lines\n".utf8))
        }
    }
}
