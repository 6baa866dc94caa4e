import ArgumentParser
import Foundation
import LineageStore

/// `lineage demo`: a realistic day of a pipeline written into a real database, then what an operator sees.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Simulate a day of a data pipeline into a real database and show what an operator would look at.",
        discussion: """
            Websites are ingested and re-synced (pages created, changed, unchanged, failed, deleted), crawlers \
            stream progress updates with duplicates and reordering through the group-commit writer, user \
            schedules run batch crawls (one crawler crashes and its lease is recovered), files are imported \
            (one fails, one is a duplicate), and documents go through the stage DAG (one retries). Then it prints \
            the status screen, a page trace, import statistics, the stage graph and the measured ingestion rate.
            """
    )

    enum Scale: String, ExpressibleByArgument, CaseIterable {
        case small, large
        var progressUpdates: Int { self == .small ? 200_000 : 10_000_000 }
        var pagesPerWebsite: Int { self == .small ? 2_000 : 20_000 }
    }

    @Option(name: .long, help: "The database file to write.")
    var db = "lineage-demo.db"

    @Option(name: .long, help: "small (well under a minute) or large (10M progress updates).")
    var scale: Scale = .small

    @Flag(name: .long, help: "Replace an existing database at --db.")
    var fresh = false

    func run() throws {
        if FileManager.default.fileExists(atPath: db) {
            guard fresh else {
                throw ValidationError("\(db) exists; pass --fresh to replace it or --db to choose another file")
            }
            for suffix in ["", "-lock"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        }
        do {
            try DemoPipeline(path: db, scale: scale).run()
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }
}
