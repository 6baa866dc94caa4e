import ArgumentParser
import LineageStore

/// `lineage status`: one screen for an operator.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Jobs running or failed in the last 24 h, schedules due or with stuck leases, failed imports, blocked documents."
    )
    @OptionGroup var location: StoreLocation
    @OptionGroup var output: FormatOption
    @Option(help: "List running jobs without an update for this long as stalled (e.g. 10m).")
    var stalledAfter = "10m"
    @OptionGroup var live: WatchOptions

    func run() throws {
        let stall = try parseSpan(stalledAfter)
        let output = output
        try live.run(location) { store in
            let report = try store.status(stalledAfter: stall)
            try output.output.printOne(report, table: report.text(path: store.path))
        }
    }
}
