import ArgumentParser
import LineageStore

@main
struct Lineage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage",
        abstract: "Inspect and feed a LineageStore database.",
        version: LineageStore.libraryVersion,
        subcommands: [IngestCommand.self, HashCommand.self, DemoCommand.self]
    )
}
