import ArgumentParser
import Foundation
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

    /// Runs the command, then makes sure its output reached standard output: a command whose output could
    /// not be written (a full disk, `/dev/full`, a closed pipe) exits 1 instead of 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
        if !standardOutputWasWritten() {
            FileHandle.standardError.write(
                Data("lineage: cannot write the output: \(String(cString: strerror(errno)))\n".utf8))
            Foundation.exit(1)
        }
    }
}
