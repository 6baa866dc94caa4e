import ArgumentParser
import Foundation
import LineageStore

/// `lineage export`: every record as JSON lines.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write records as JSON lines, one object per record with its \"kind\".",
        discussion:
            "Kinds: \(LineageStore.exportKinds.joined(separator: ", ")). `export | load` into an empty database reproduces it."
    )

    /// What to write.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, openlineage
    }

    @OptionGroup var location: StoreLocation
    @Option(name: .customLong("kind"), help: "Only these kinds (repeatable; jsonl only).") var kinds: [String] = []
    @Option(help: "jsonl (records, for load) or openlineage (OpenLineage 2-0-2 RunEvents).") var format: Format = .jsonl
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
    @Flag(help: "Replace the --output file if it exists.") var force = false

    func validate() throws {
        if format == .openlineage && !kinds.isEmpty { throw ValidationError("--kind applies to --format jsonl only") }
    }

    func run() throws {
        var file: OutputFile
        do { file = try OutputFile(path: output, force: force) } catch { throw fail(error) }
        let count: Int
        do {
            count = try inspect(location) { store in
                let bar = ProgressBar(label: "export", enabled: output != nil, unit: "records")
                let total = UInt64(try store.statistics().recordsByKind.values.reduce(0, +))
                var written: UInt64 = 0
                var failure: (any Error)?
                let counted = { (line: String) in
                    guard failure == nil else { return }
                    do { try file.append(line: line) } catch { failure = error }
                    written += 1
                    if written % 10_000 == 0 { bar.update(done: written, total: total) }
                }
                defer { bar.finish() }
                let count =
                    switch format {
                    case .jsonl: try store.export(kinds: kinds.isEmpty ? nil : kinds, to: counted)
                    case .openlineage: try store.exportOpenLineage(to: counted)
                    }
                if let failure { throw failure }
                try file.finish()
                return count
            }
        } catch {
            file.discard()
            throw error
        }
        if let output {
            let what = format == .jsonl ? "records" : "OpenLineage events"
            FileHandle.standardError.write(Data("exported \(count) \(what) to \(output)\n".utf8))
        }
    }
}

/// `lineage load`: JSON lines from `export` into a database.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load", abstract: "Load JSON lines written by export; a bad line loads nothing (exit 65).")

    @OptionGroup var location: StoreLocation
    @Argument(help: "The file, or - for standard input.") var file = "-"

    func run() throws {
        guard let handle = file == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: file) else {
            throw fail(StoreError(.io, "cannot open \(file)"))
        }
        let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
        let bar = ProgressBar(label: "load", enabled: file != "-")
        defer { bar.finish() }
        let count = try mutate(location) { store in
            do {
                return try store.load(jsonLinesFrom: handle) { bar.update(done: UInt64($0), total: UInt64(size)) }
            } catch let error as StoreError where error.code == .invalidInput || error.code == .duplicate {
                FileHandle.standardError.write(Data("lineage: \(error.message)\n".utf8))
                throw ExitCode(65)
            }
        }
        FileHandle.standardError.write(Data("loaded \(count) records\n".utf8))
    }
}
