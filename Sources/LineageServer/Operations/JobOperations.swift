import LineageFormat
import LineageStore

/// Starts a process job (`POST /api/jobs`, `lineage jobs start`).
public struct StartJob: StoreOperation {
    /// The job id; a new UUIDv7 when `nil`.
    public var id: String?
    /// The website the job works on.
    public var websiteID: String
    /// The process type (`ingestion`, `sync`, `discovery`, …).
    public var processType: String
    /// Caller metadata, any JSON document.
    public var metadata: JSONText?

    enum CodingKeys: String, CodingKey { case id, websiteID = "website_id", processType = "process_type", metadata }

    public func run(in context: WriteContext) throws -> Member<JobRecord> {
        Member(
            "job",
            try context.startJob(
                id: id, websiteID: websiteID, processType: ProcessType(rawValue: processType),
                metadata: metadata?.text ?? ""))
    }
}

/// Completes a job (`POST /api/jobs/{id}/complete`, `lineage jobs complete`).
public struct CompleteJob: StoreOperation {
    /// The job id (from the path or the command line).
    public var id = ""

    /// Completes job `id`.
    public init(id: String) { self.id = id }
    public init(from decoder: any Decoder) throws {}

    public func run(in context: WriteContext) throws -> Member<JobRecord> {
        Member("job", try context.completeJob(id))
    }
}

/// Fails a job (`POST /api/jobs/{id}/fail`, `lineage jobs fail`).
public struct FailJob: StoreOperation {
    /// The job id (from the path or the command line).
    public var id = ""
    /// Why it failed.
    public var error: String?

    enum CodingKeys: String, CodingKey { case error }

    /// Fails job `id` with `error`.
    public init(id: String, error: String?) {
        self.id = id
        self.error = error
    }

    public func run(in context: WriteContext) throws -> Member<JobRecord> {
        Member("job", try context.updateJobStatus(id, to: .failed, error: error))
    }
}

/// Records that a job used a scrape batch (`POST /api/jobs/{id}/batches`, `lineage jobs add-batch`).
public struct AttachBatch: StoreOperation {
    /// The job id (from the path or the command line).
    public var id = ""
    /// The batch id.
    public var firecrawlBatchID: String

    enum CodingKeys: String, CodingKey { case firecrawlBatchID = "firecrawl_batch_id" }

    /// Attaches `batchID` to job `id`.
    public init(id: String, batchID: String) {
        self.id = id
        self.firecrawlBatchID = batchID
    }

    public func run(in context: WriteContext) throws -> Member<JobRecord> {
        Member("job", try context.attachBatch(firecrawlBatchID, to: id))
    }
}

/// Records the pages one job observed, with the job's counters and batch ids, in one transaction
/// (`POST /api/jobs/{id}/pages`, `lineage pages record`).
public struct RecordPages: StoreOperation {
    /// One observed page, in the seed's names.
    public struct Page: Decodable, Sendable {
        /// The website.
        public var websiteID: String
        /// The URL.
        public var url: String
        /// `active` (default), `error` or `deleted`.
        public var status: String?
        /// The content's XXH3-128, 32 hex digits.
        public var contentHash: String?
        /// The scrape batch that produced the content.
        public var firecrawlBatchID: String?
        /// The failure, for `error`.
        public var error: String?

        enum CodingKeys: String, CodingKey {
            case websiteID = "website_id", url, status, contentHash = "content_hash",
                firecrawlBatchID = "firecrawl_batch_id", error
        }

        func observation(at index: Int) throws -> PageObservation {
            var hash: Digest128?
            if let contentHash {
                guard contentHash.count == 32, let bytes = Hex.decode(contentHash),
                    let digest = Digest128(canonical: bytes)
                else {
                    throw StoreError(
                        .invalidInput, "field 'pages[\(index)].content_hash' must be 32 hex digits (an XXH3-128 digest)"
                    )
                }
                hash = digest
            }
            return PageObservation(
                websiteID: websiteID, url: url, status: status.map(PageStatus.init(rawValue:)) ?? .active,
                contentHash: hash, batchID: firecrawlBatchID ?? "", error: error ?? "")
        }
    }

    /// The job that observed them (from the path or the command line).
    public var jobID = ""
    /// The pages.
    public var pages: [Page]

    enum CodingKeys: String, CodingKey { case pages }

    /// Records `pages` as observed by job `jobID`.
    public init(jobID: String, pages: [Page]) {
        self.jobID = jobID
        self.pages = pages
    }

    /// Each page and what the observation did to it, and the job.
    public struct Outcome: Encodable, Sendable {
        struct Change: Encodable, Sendable {
            var page: PageRecord
            var change: String
        }
        var pages: [Change]
        var job: JobRecord?
    }

    public func run(in context: WriteContext) throws -> Outcome {
        let observations = try pages.enumerated().map { try $1.observation(at: $0) }
        let updates = try context.recordPages(observations, by: jobID)
        return Outcome(
            pages: updates.map { Outcome.Change(page: $0.page, change: $0.change.rawValue) },
            job: try context.job(jobID))
    }
}
