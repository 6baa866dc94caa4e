import ArgumentParser
import LineageFormat
import LineageStore

/// `lineage jobs`: list, show and follow process jobs.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "List and inspect process jobs.",
        subcommands: [
            List.self, Show.self, Timeline.self, Stalled.self, Compare.self, Start.self, Complete.self, Fail.self,
            AddBatch.self,
        ])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Jobs, newest first, a page at a time.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Option(help: "Only this status.") var status: JobStatus?
        @Option(help: "Only this process type.") var type: ProcessType?
        @Option(help: "Only this website.") var website: String?
        @Option(help: "Only jobs started since (RFC 3339, or an age like 24h).") var since: String?
        @OptionGroup var paging: PagingOptions

        func run() throws {
            try inspect(location) { store in
                let now = store.clock.now()
                let filter = JobFilter(
                    status: status, processType: type,
                    websiteID: website, since: try since.map { try parseTime($0, now: now) })
                let page = try store.jobs(filter, limit: paging.limit, cursor: paging.cursor)
                var table = TextTable("ID", "WEBSITE", "TYPE", "STATUS", "STARTED", "PROGRESS", numeric: [])
                for job in page.records {
                    table.add(
                        job.id, job.websiteID, job.processType.rawValue, job.status.rawValue,
                        Human.relative(job.startedAt, now: now), Human.progress(job))
                }
                try output.output.print(page.records, table: table)
                paging.printNext(page.nextCursor, format: output.format)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "One job: status, counters, batches, progress.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The job id.") var id: String
        @OptionGroup var live: WatchOptions

        func run() throws {
            let (id, output) = (id, output)
            try live.run(location) { store in
                guard let job = try store.job(id) else { throw StoreError(.notFound, "no job \(id) in \(store.path)") }
                let now = store.clock.now()
                var text = describe(
                    job,
                    only: [
                        \.id, \.websiteID, \.processType, \.status, \.startedAt, \.completedAt, \.updatedAt,
                        \.urlsDiscovered, \.urlsUpdated, \.urlsDeleted, \.urlsErrored, \.batchIDs, \.errorCount,
                        \.lastError,
                    ])
                text +=
                    "progress          \(Human.progress(job))  (\(job.progressUpdates) updates, "
                    + String(format: "%.1f/min, ", job.updatesPerMinute)
                    + "last \(Human.relative(job.updatedAt, now: now)))\n"
                if !job.itemsByType.isEmpty {
                    text +=
                        "items by type     "
                        + job.itemsByType.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                            separator: " ")
                        + "\n"
                }
                if !job.lastProcessedID.isEmpty { text += "resume cursor     \(job.lastProcessedID)\n" }
                if let state = job.resumeState { text += "resume state      \(state)\n" }
                if !job.credentialStatus.rawValue.isEmpty {
                    text +=
                        "credentials       \(job.credentialStatus) since "
                        + "\(Human.relative(job.credentialStatusChangedAt, now: now))\n"
                }
                try output.output.printOne(job, table: text)
            }
        }
    }

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare how two runs left their pages: pages only one of them left, and changed content.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The first job id.") var first: String
        @Argument(help: "The second job id.") var second: String

        func run() throws {
            try inspect(location) { store in
                let comparison = try store.compareJobs(first, second)
                var text = "\(first) (\(comparison.first.processType), \(Human.time(comparison.first.startedAt)))"
                text += " → \(second) (\(comparison.second.processType), \(Human.time(comparison.second.startedAt)))\n"
                text +=
                    "\(comparison.onlyInFirst.count) only in the first, \(comparison.onlyInSecond.count) only in the "
                text += "second, \(comparison.changed.count) changed, \(comparison.unchangedCount) unchanged\n"
                var table = TextTable("DIFFERENCE", "URL", "FIRST", "SECOND")
                func state(_ version: PageVersionRecord?) -> String {
                    guard let version else { return "-" }
                    let hash = version.contentHash.map { String(Hex.encode($0).prefix(12)) } ?? "-"
                    return "\(version.status.rawValue) \(hash) by \(version.jobID)"
                }
                for (label, pages) in [
                    ("only first", comparison.onlyInFirst), ("only second", comparison.onlyInSecond),
                    ("changed", comparison.changed),
                ] {
                    for page in pages { table.add(label, page.url, state(page.first), state(page.second)) }
                }
                try output.output.printOne(comparison, table: text + "\n" + table.render())
            }
        }
    }

    struct Stalled: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stalled",
            abstract: "Running jobs whose newest update is older than --for, longest silent first.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Option(name: .customLong("for"), help: "How long without an update (e.g. 10m, 2h).") var idle = "10m"

        func run() throws {
            let span = try parseSpan(idle)
            try inspect(location) { store in
                let jobs = try store.stalledJobs(idleFor: span)
                try output.output.print(jobs, table: TextTable.stalledJobs(jobs, now: store.clock.now()))
            }
        }
    }

    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timeline", abstract: "A job's event log: timeline events and errors.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The job id.") var id: String
        @Option(help: "Show the last N events.") var limit = 50

        func run() throws {
            try inspect(location) { store in
                guard try store.job(id) != nil else { throw StoreError(.notFound, "no job \(id) in \(store.path)") }
                let events = try store.jobEvents(id, limit: limit)
                try output.output.print(events, table: TextTable.timeline(events))
            }
        }
    }

    /// `[####......]  40%  400/1000`, or the processed count alone when the total is unknown.
}

extension TextTable {
    /// A job's timeline: sequence, time, event, reporter and message (or details).
    static func timeline(_ events: [EventRecord]) -> TextTable {
        var table = TextTable("SEQ", "AT", "EVENT", "REPORTER", "MESSAGE", numeric: [0])
        for event in events {
            table.add(
                String(event.sequence), Human.time(event.at), event.event,
                event.reporter.map { "\($0)#\(event.reporterSequence ?? 0)" } ?? "-",
                event.message.isEmpty ? event.details ?? "" : event.message)
        }
        return table
    }
}
