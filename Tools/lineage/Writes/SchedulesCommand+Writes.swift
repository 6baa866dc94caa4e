import ArgumentParser
import LineageServer

extension SchedulesCommand {
    /// The database, the user, and the crawler holding or taking the user's lease.
    struct LeaseHolder: ParsableArguments {
        @OptionGroup var location: StoreLocation
        @Argument(help: "The user id.") var user: String
        @Option(help: "The crawler holding or taking the lease.") var owner: String
    }

    struct Trigger: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trigger",
            abstract: "Start a user's batch crawl under a lease (refused while another is held).")
        @OptionGroup var holder: LeaseHolder
        @Option(help: "The lease length in seconds.") var leaseSeconds: Double = 3_600

        func run() throws {
            try perform(
                CrawlLease(userID: holder.user, owner: holder.owner, leaseSeconds: leaseSeconds), at: holder.location)
        }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complete", abstract: "Complete a batch crawl and schedule the next.")
        @OptionGroup var holder: LeaseHolder
        @Option(help: "Sources crawled successfully (default: the source results recorded during the batch).")
        var crawled: Int?
        @Option(help: "Sources that failed (default: the source results recorded during the batch).")
        var failed: Int?
        @Option(help: "The duration the crawler measured, in seconds (default: the lease's age).")
        var durationSeconds: Double?

        func run() throws {
            try perform(
                CompleteCrawl(
                    userID: holder.user, owner: holder.owner, sourcesCrawledCount: crawled, sourcesFailedCount: failed,
                    durationSeconds: durationSeconds),
                at: holder.location)
        }
    }

    struct Fail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fail", abstract: "Fail a batch crawl; the schedule stays due.")
        @OptionGroup var holder: LeaseHolder
        @Option(help: "Why it failed.") var error: String

        func run() throws {
            try perform(FailCrawl(userID: holder.user, owner: holder.owner, error: error), at: holder.location)
        }
    }

    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "release",
            abstract: "Release a batch crawl's lease: its owner abandoning it, or an operator clearing a stuck one.")
        @OptionGroup var location: StoreLocation
        @Argument(help: "The user id.") var user: String
        @Option(help: "The lease's owner, abandoning it.") var owner: String?
        @Option(help: "The operator releasing whatever lease is held (recorded on the schedule).")
        var releasedBy: String?

        func validate() throws {
            guard (owner == nil) != (releasedBy == nil) else {
                throw ValidationError("give --owner or --released-by")
            }
        }

        func run() throws {
            try perform(ReleaseCrawl(userID: user, owner: owner, releasedBy: releasedBy), at: location)
        }
    }

    struct AddSource: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-source", abstract: "Add or rename one of a user's crawl sources.",
            discussion:
                #"The body of POST /api/crawl/sources: '{"user_id": "u1", "source_id": "s1", "name": "Docs", "url": "https://…"}'."#
        )
        @OptionGroup var request: JSONRequest

        func run() throws { try request.perform(SetSource.self) }
    }
}
