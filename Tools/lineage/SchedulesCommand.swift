import ArgumentParser
import LineageFormat
import LineageStore

/// `lineage schedules`: users' crawl schedules.
struct SchedulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedules", abstract: "Inspect users' crawl schedules and leases.",
        subcommands: [
            List.self, Show.self, Due.self, Trigger.self, Complete.self, Fail.self, Release.self,
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
            try inspect(location) { store in
                let status = try store.crawlStatus(userID: user)
                guard status.schedule != nil || status.total > 0 else {
                    throw StoreError(.notFound, "user \(user) has no schedule or sources in \(store.path)")
                }
                var text =
                    status.schedule.map { describe($0) } ?? ""
                text += "is_crawling              \(status.isCrawling)\n"
                text += "sources                  \(status.total) (\(status.active) active, \(status.error) error)\n\n"
                var sources = TextTable("SOURCE", "NAME", "URL", "STATUS", "LAST CRAWLED", "LAST ERROR")
                let now = store.clock.now()
                for source in status.sources {
                    sources.add(
                        source.id, source.name, source.url, source.status.rawValue,
                        Human.relative(source.lastCrawledAt, now: now),
                        source.lastError.isEmpty ? "-" : source.lastError)
                }
                try output.output.printOne(status, table: text + sources.render())
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
