import ArgumentParser
import LineageServer

extension JobsCommand {
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Start a job; prints it as JSON.",
            discussion: #"The body of POST /api/jobs: '{"website_id": "w", "process_type": "sync", "metadata": {…}}'."#)
        @OptionGroup var request: JSONRequest

        func run() throws { try request.perform(StartJob.self) }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "complete", abstract: "Complete a job.")
        @OptionGroup var location: StoreLocation
        @Argument(help: "The job id.") var id: String

        func run() throws { try perform(CompleteJob(id: id), at: location) }
    }

    struct Fail: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "fail", abstract: "Fail a job.")
        @OptionGroup var location: StoreLocation
        @Argument(help: "The job id.") var id: String
        @Option(help: "Why it failed.") var error: String?

        func run() throws { try perform(FailJob(id: id, error: error), at: location) }
    }

    struct AddBatch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-batch", abstract: "Record that a job used a scrape batch (firecrawl_batch_ids).")
        @OptionGroup var location: StoreLocation
        @Argument(help: "The job id.") var id: String
        @Argument(help: "The batch id.") var batch: String

        func run() throws { try perform(AttachBatch(id: id, batchID: batch), at: location) }
    }
}
