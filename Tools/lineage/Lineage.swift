import ArgumentParser
import LineageStore

@main
struct Lineage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage",
        abstract: "Inspect and feed a LineageStore database.",
        version: LineageStore.libraryVersion,
        subcommands: [
            InitCommand.self, IngestCommand.self, LoadCommand.self, ExportCommand.self, JobsCommand.self,
            PagesCommand.self, SchedulesCommand.self, ImportsCommand.self, StagesCommand.self, HashCommand.self,
            StatusCommand.self, StatsCommand.self, VerifyCommand.self, CompactCommand.self, DemoCommand.self,
        ]
    )
}
