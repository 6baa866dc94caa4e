import ArgumentParser
import Foundation
import LineageStore

/// `lineage init`: creates a database (idempotent).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a database (idempotent).")
    @OptionGroup var location: StoreLocation

    func run() throws {
        try mutate(location) { store in
            print(
                "\(store.path): LineageStore format \(store.formatInfo.major).\(store.formatInfo.minor), "
                    + "created \(Human.time(store.formatInfo.createdAt)) by \(store.formatInfo.createdBy)")
        }
    }
}

/// `lineage verify`: checksums and index consistency; exit 2 on any problem.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check every record's checksum and every index entry; exit 2 on a problem.")
    @OptionGroup var location: StoreLocation
    @OptionGroup var output: FormatOption

    func run() throws {
        let bar = ProgressBar(label: "verify", enabled: true, unit: "entries")
        let report = try inspect(location, damaged: VerifyReport.init(damagedFile:)) { store in
            try store.verify { checked, total in bar.update(done: UInt64(checked), total: UInt64(total)) }
        }
        bar.finish()
        var text = "checked \(report.recordsChecked) records and \(report.indexEntriesChecked) index entries: "
        text += report.isClean ? "no problems\n" : "\(report.problems.count) problems\n"
        for problem in report.problems { text += "  \(problem)\n" }
        try output.output.printOne(report, table: text)
        if !report.isClean { throw ExitCode(2) }
    }
}

/// `lineage stats`: file, map and per-kind counts.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "File size, map use, records and index entries per kind, free pages, readers.")
    @OptionGroup var location: StoreLocation
    @OptionGroup var output: FormatOption

    func run() throws {
        try inspect(location) { store in
            let statistics = try store.statistics()
            try output.output.printOne(statistics, table: statistics.text)
        }
    }
}

/// `lineage compact OUT`: a compacted copy that verifies clean.
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact", abstract: "Write a compacted copy of the database and verify it.")
    @OptionGroup var location: StoreLocation
    @Argument(help: "The file to write; it must not exist.") var output: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: output) else { throw ValidationError("\(output) already exists") }
        try inspect(location) { store in try store.compactCopy(to: output) }
        var options = StoreOptions()
        options.readOnly = true
        do {
            let copy = try LineageStore.open(at: output, options: options)
            defer { copy.close() }
            let report = try copy.verify()
            let size = ((try? FileManager.default.attributesOfItem(atPath: output))?[.size] as? Int) ?? 0
            print(
                "wrote \(output) (\(humanBytes(Double(size)))); verify: \(report.isClean ? "clean" : "\(report.problems.count) problems")"
            )
            if !report.isClean { throw ExitCode(2) }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }
}
