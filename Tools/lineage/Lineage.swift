import ArgumentParser
import Foundation
import LineageStore

@main
struct Lineage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage",
        abstract: "Inspect and feed a LineageStore database.",
        version: LineageStore.libraryVersion,
        subcommands: [
            InitCommand.self, IngestCommand.self, LoadCommand.self, ExportCommand.self, JobsCommand.self,
            PagesCommand.self, SchedulesCommand.self, ImportsCommand.self, StagesCommand.self, HashCommand.self,
            StatusCommand.self, StatsCommand.self, ChangesCommand.self, VerifyCommand.self, CompactCommand.self,
            ServeCommand.self, MirrorCommand.self, DemoCommand.self,
        ]
    )

    /// Runs the command, then makes sure its output reached standard output: a command whose output could
    /// not be written (a full disk, `/dev/full`, a closed pipe) exits 1 instead of 0.
    static func main() async {
        do {
            var command = try parseAsRoot(hoistingDatabaseOption(Array(CommandLine.arguments.dropFirst())))
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
        if !standardOutputWasWritten() {
            FileHandle.standardError.write(
                Data("lineage: cannot write the output: \(String(cString: strerror(errno)))\n".utf8))
            Foundation.exit(1)
        }
    }

    /// The arguments without a `--db` given before the subcommand (`lineage --db x.db jobs list`), which
    /// becomes `$LINEAGE_DB` for this process, so a `--db` after the subcommand still wins.
    static func hoistingDatabaseOption(_ arguments: [String]) -> [String] {
        var remaining = arguments
        var index = 0
        while index < remaining.count, remaining[index].hasPrefix("-") {
            let argument = remaining[index]
            if argument == "--db", index + 1 < remaining.count {
                setenv("LINEAGE_DB", remaining[index + 1], 1)
                remaining.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix("--db=") {
                setenv("LINEAGE_DB", String(argument.dropFirst(5)), 1)
                remaining.remove(at: index)
            } else {
                index += 1
            }
        }
        return remaining
    }
}
