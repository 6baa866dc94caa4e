import ArgumentParser
import Foundation
import LineageFormat
import LineageStore

/// `lineage pages`: pages and their lineage.
struct PagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages", abstract: "Inspect pages and their lineage.",
        subcommands: [Show.self, Trace.self, List.self, Record.self])

    /// A page named by id, or by URL with `--website`.
    struct PageName: ParsableArguments {
        @Argument(help: "A page id, or a URL (with --website).") var page: String
        @Option(help: "The website of a URL.") var website: String?

        func resolve(_ store: LineageStore) throws -> PageRecord {
            if let website {
                guard let page = try store.page(websiteID: website, url: page) else {
                    throw StoreError(.notFound, "no page \(page) on website \(website) in \(store.path)")
                }
                return page
            }
            guard let found = try store.page(id: page) else {
                throw StoreError(.notFound, "no page \(page) in \(store.path) (pass --website to look up a URL)")
            }
            return found
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One page.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @OptionGroup var name: PageName

        func run() throws {
            try inspect(location) { store in
                let page = try name.resolve(store)
                try output.output.printOne(page, table: describe(page))
            }
        }
    }

    struct Trace: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trace",
            abstract:
                "A page's lineage: creating and updating jobs, batch, errors, history; or its state as of a time or job."
        )
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @OptionGroup var name: PageName
        @Option(help: "The page's state as of this time (RFC 3339).") var asOf: String?
        @Option(help: "The page's state as this job left it.") var asOfJob: String?

        func validate() throws {
            if asOf != nil && asOfJob != nil { throw ValidationError("give --as-of or --as-of-job, not both") }
        }

        func run() throws {
            try inspect(location) { store in
                let page = try name.resolve(store)
                if asOf != nil || asOfJob != nil {
                    let state =
                        if let asOfJob { try store.pageState(id: page.id, asOfJob: asOfJob) } else {
                            try store.pageState(id: page.id, asOf: try parseTime(asOf!, now: store.clock.now()))
                        }
                    guard let state else { throw StoreError(.notFound, "page \(page.url) did not exist then") }
                    try output.output.printOne(
                        state, table: describe(state))
                    return
                }
                let trace = try store.trace(pageID: page.id)
                try output.output.printOne(trace, table: trace.text)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Pages created, updated or failed by a job, from a batch, or in a status.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Option(help: "Pages this job created.") var createdBy: String?
        @Option(help: "Pages this job last updated.") var updatedBy: String?
        @Option(help: "Pages this job failed.") var failedBy: String?
        @Option(help: "Pages whose content came from this batch.") var batch: String?
        @Option(help: "Pages in this status (with --website).") var status: PageStatus?
        @Option(help: "The website, for --status.") var website: String?
        @OptionGroup var paging: PagingOptions

        func validate() throws {
            let given = [createdBy, updatedBy, failedBy, batch, status?.rawValue].compactMap { $0 }.count
            guard given == 1 else {
                throw ValidationError("give exactly one of --created-by, --updated-by, --failed-by, --batch, --status")
            }
            if status != nil && website == nil { throw ValidationError("--status needs --website") }
        }

        func run() throws {
            try inspect(location) { store in
                let selection: PageSelection =
                    if let createdBy { .createdBy(createdBy) } else if let updatedBy {
                        .updatedBy(updatedBy)
                    } else if let failedBy {
                        .failedBy(failedBy)
                    } else if let batch { .batch(batch) } else {
                        .status(websiteID: website!, status!)
                    }
                let page = try store.pages(selection, limit: paging.limit, cursor: paging.cursor)
                var table = TextTable("URL", "STATUS", "CREATED BY", "UPDATED BY", "BATCH", "VERSIONS", numeric: [5])
                for record in page.records {
                    table.add(
                        record.url, record.status.rawValue, record.createdByProcessID,
                        record.lastUpdatedByProcessID ?? "-",
                        record.batchID.isEmpty ? "-" : record.batchID, String(record.versionCount))
                }
                try output.output.print(page.records, table: table)
                paging.printNext(page.nextCursor, format: output.format)
            }
        }
    }
}
