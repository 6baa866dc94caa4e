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

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() throws {
        var options = StoreOptions()
        options.durability = durability.mode
        let store: LineageStore
        do { store = try LineageStore.open(at: location.path, options: options) } catch { throw fail(error) }
        defer { store.close() }
        let started = Date()
        let pipeline = IngestPipeline(store: store, strict: strict)
        var lineNumber = 0
        var updates = 0
        var batch: [LineReader.Line] = []
        var numbers: [Int] = []
        let sizes = files.map { ((try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? Int) ?? 0 }
        let totalBytes = UInt64(sizes.reduce(0, +))
        let bar = ProgressBar(label: "ingest", enabled: !files.isEmpty && !files.contains("-"))
        var finishedBytes = 0
        do {
            for file in files.isEmpty ? ["-"] : files {
                guard let handle = file == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: file) else {
                    throw StoreError(.io, "cannot open \(file)")
                }
                var reader = LineReader(handle, limit: ProgressUpdate.maxJSONBytes)
                while let line = try reader.next() {
                    lineNumber += 1
                    if case .text(let bytes) = line, bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                    batch.append(line)
                    numbers.append(lineNumber)
                    updates += 1
                    if batch.count == batchSize {
                        pipeline.submit(batch, numbers: numbers)
                        batch = []
                        numbers = []
                        bar.update(done: UInt64(finishedBytes + reader.bytesRead), total: totalBytes)
                    }
                }
                finishedBytes += reader.bytesRead
            }
            if !batch.isEmpty { pipeline.submit(batch, numbers: numbers) }
        } catch {
            throw fail(error)
        }
        let summary: IngestPipeline.Summary
        do { summary = try pipeline.finish() } catch { throw fail(error) }
        bar.finish()
        let seconds = max(Date().timeIntervalSince(started), 1e-9)
        report(summary, lines: updates, seconds: seconds)
        if (summary.counts[.invalid] ?? 0) > 0 { throw ExitCode(65) }
    }

    private func report(_ summary: IngestPipeline.Summary, lines: Int, seconds: Double) {
        let rate = Double(lines) / seconds
        switch format {
        case .table:
            print("ingested \(lines) updates in \(String(format: "%.2f", seconds)) s (\(Int(rate)) updates/s)")
            for kind in ProgressOutcome.Kind.allCases {
                print(
                    "  \(kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(summary.counts[kind] ?? 0)"
                )
            }
        case .json, .jsonl:
            var counts: [String: Any] = [:]
            for kind in ProgressOutcome.Kind.allCases { counts[kind.rawValue] = summary.counts[kind] ?? 0 }
            print(jsonLine(["updates": lines, "seconds": seconds, "updates_per_second": rate, "outcomes": counts]))
        }
        for (line, message) in summary.invalid.prefix(20) {
            FileHandle.standardError.write(Data("lineage: line \(line): invalid: \(message)\n".utf8))
        }
        if summary.invalid.count > 20 {
            FileHandle.standardError.write(
                Data("lineage: … and \(summary.invalid.count - 20) more invalid lines\n".utf8))
        }
    }
}
