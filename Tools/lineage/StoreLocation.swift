import ArgumentParser
import Foundation
import LineageStore

/// The `--db` option shared by every command that opens a database.
struct StoreLocation: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $LINEAGE_DB, else ./lineage.db).")
    var db: String?

    /// The path to open.
    var path: String { db ?? ProcessInfo.processInfo.environment["LINEAGE_DB"] ?? "lineage.db" }

    /// Opens the store, read-only unless `writable`, with `adjust` applied to its options; a memory fault
    /// while it is open is reported as damage to it (``FaultReport``), not a crash.
    func open(writable: Bool, adjust: (inout StoreOptions) -> Void = { _ in }) throws -> LineageStore {
        var options = StoreOptions()
        options.readOnly = !writable
        adjust(&options)
        FaultReport.guardReads(of: path)
        return try LineageStore.open(at: path, options: options)
    }
}

/// How query commands print their results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl
}

/// Prints one line on stderr naming what failed and exits 1.
func fail(_ error: any Error) -> ExitCode {
    let text = (error as? StoreError)?.message ?? "\(error)"
    FileHandle.standardError.write(Data("lineage: \(text)\n".utf8))
    return ExitCode(1)
}

/// Formats byte counts for people: 1.5 GiB.
func humanBytes(_ bytes: Double) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"]
    var value = bytes
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    return unit == 0 ? "\(Int(value)) B" : String(format: "%.1f %@", value, units[unit])
}
