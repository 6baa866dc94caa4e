import ArgumentParser
import LineageFormat
import LineageStore

/// `lineage schedules`: users' crawl schedules.
struct SchedulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedules", abstract: "Inspect users' crawl schedules and leases.",
        subcommands: [
            List.self, Show.self, History.self, Due.self, Trigger.self, Complete.self, Fail.self, Release.self,
            AddSource.self,
        ])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every schedule.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption

        func run() throws {
            try inspect(location) { store in
                let schedules = try store.schedules()
                try output.output.print(schedules, table: TextTable.schedules(schedules, now: store.clock.now()))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "One user's crawl status: schedule, lease, and sources with their counts.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The user id.") var user: String

        func run() throws {
            // The seed's status endpoint creates a user's default schedule on first sight; so does this.
            let known = try inspect(location) { try $0.schedule(userID: user) != nil }
            if known { try inspect(location, show) } else { try mutate(location, show) }
        }

        private func show(_ store: LineageStore) throws {
            let status = try store.crawlStatusCreatingSchedule(userID: user)
            var text = status.schedule.map { describe($0) } ?? ""
            text += "is_crawling              \(status.isCrawling)\n"
            text += "sources                  \(status.total) (\(status.active) active, \(status.error) error)\n\n"
            var sources = TextTable("SOURCE", "NAME", "URL", "STATUS", "LAST CRAWLED", "LAST ERROR")
            let now = store.clock.now()
            for source in status.sources {
                sources.add(
                    source.id, source.name, source.url, source.status.rawValue,
                    Human.relative(source.lastCrawledAt, now: now), source.lastError.isEmpty ? "-" : source.lastError)
            }
            try output.output.printOne(status, table: text + sources.render())
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "A user's batch crawls, newest first: owner, outcome, duration, per-source results.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The user id.") var user: String
        @Option(help: "The most batches to list.") var limit = 100

        func run() throws {
            try inspect(location) { store in
                let batches = try store.crawlHistory(userID: user, limit: limit)
                var table = TextTable(
                    "#", "OWNER", "STARTED", "ENDED", "OUTCOME", "DURATION", "CRAWLED", "FAILED", "ERROR",
                    numeric: [0, 6, 7])
                for batch in batches {
                    table.add(
                        String(batch.sequence), batch.owner + (batch.recoveredLease ? " (took over)" : ""),
                        Human.time(batch.startedAt), Human.time(batch.completedAt), batch.outcome.rawValue,
                        batch.completedAt == nil ? "-" : Human.duration(batch.durationSeconds),
                        String(batch.sourcesCrawledCount), String(batch.sourcesFailedCount),
                        batch.error.isEmpty ? "-" : batch.error)
                }
                try output.output.print(batches, table: table)
            }
        }
    }

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due",
            abstract: "Schedules due for a batch crawl, most overdue first.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Option(help: "Due at this time (RFC 3339, default now).") var at: String?

        func run() throws {
            try inspect(location) { store in
                let now = store.clock.now()
                let due = try store.dueSchedules(at: try at.map { try parseTime($0, now: now) } ?? now)
                try output.output.print(due, table: TextTable.schedules(due, now: now))
            }
        }
    }
}
