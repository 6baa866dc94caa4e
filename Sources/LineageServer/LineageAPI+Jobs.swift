import Hummingbird
import LineageFormat
import LineageStore

extension LineageAPI {
    /// Seed 000: process jobs — start, complete, fail, the pages a job observed, listings and timelines.
    func addJobRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.post("/api/jobs") { request, context in
            let start = try await RequestPayload.decode(JobStart.self, from: request, context: context)
            let job = try await store.write {
                try $0.startJob(
                    id: start.id, websiteID: start.websiteID, processType: ProcessType(rawValue: start.processType),
                    metadata: start.metadata?.text ?? "")
            }
            return try JSONReply.success(status: .created, ["job": job])
        }
        router.post("/api/jobs/:id/complete") { _, context in
            let id = try context.parameters.path("id")
            return try JSONReply.success(["job": try await store.write { try $0.completeJob(id) }])
        }
        router.post("/api/jobs/:id/fail") { request, context in
            let id = try context.parameters.path("id")
            let failure = try await RequestPayload.decode(JobFailure.self, from: request, context: context)
            let job = try await store.write { try $0.updateJobStatus(id, to: .failed, error: failure.error) }
            return try JSONReply.success(["job": job])
        }
        router.post("/api/jobs/:id/pages") { request, context in
            let id = try context.parameters.path("id")
            let batch = try await RequestPayload.decode(PageBatch.self, from: request, context: context)
            let observations = try batch.pages.enumerated().map { try $1.observation(at: $0) }
            let (updates, job) = try await store.write { context in
                let updates = try context.recordPages(observations, by: id)
                return (updates, try context.job(id))
            }
            return try JSONReply.success([
                "pages": updates.map { PageChangeReply(page: $0.page, change: $0.change.rawValue) }, "job": job,
            ])
        }
        router.get("/api/jobs") { request, _ in
            let query = QueryParameters(request)
            let filter = JobFilter(
                status: query.vocabulary("status", JobStatus.self),
                processType: query.vocabulary("process_type", ProcessType.self),
                websiteID: query.string("website_id"), since: try query.time("since"))
            let page = try store.jobs(
                filter, limit: try query.integer("limit", default: 100, in: 1...10_000), cursor: query.string("cursor"))
            return try JSONReply.success(["jobs": page.records, "next_cursor": page.nextCursor])
        }
        router.get("/api/jobs/:id") { _, context in
            let id = try context.parameters.path("id")
            return try JSONReply.success(["job": try requireJob(id)])
        }
        router.get("/api/jobs/:id/timeline") { request, context in
            let id = try context.parameters.path("id")
            let limit = try QueryParameters(request).integer("limit", default: 1_000, in: 1...100_000)
            _ = try requireJob(id)
            return try JSONReply.success(["job_id": id, "timeline": try store.jobEvents(id, limit: limit)])
        }
    }

    /// The job, or a 404.
    func requireJob(_ id: String) throws -> JobRecord {
        guard let job = try store.job(id) else { throw APIError.notFound("no job '\(id)'") }
        return job
    }
}

/// The body of `POST /api/jobs`.
private struct JobStart: Decodable {
    var id: String?
    var websiteID: String
    var processType: String
    var metadata: JSONText?

    enum CodingKeys: String, CodingKey {
        case id, websiteID = "website_id", processType = "process_type", metadata
    }
}

/// The body of `POST /api/jobs/{id}/fail`.
private struct JobFailure: Decodable {
    var error: String?
}

/// The body of `POST /api/jobs/{id}/pages`: the pages one job observed.
private struct PageBatch: Decodable {
    struct Page: Decodable {
        var websiteID: String
        var url: String
        var status: String?
        var contentHash: String?
        var firecrawlBatchID: String?
        var error: String?

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
                    throw APIError.badRequest(
                        "field 'pages[\(index)].content_hash' must be 32 hex digits (an XXH3-128 digest)")
                }
                hash = digest
            }
            return PageObservation(
                websiteID: websiteID, url: url, status: status.map(PageStatus.init(rawValue:)) ?? .active,
                contentHash: hash, batchID: firecrawlBatchID ?? "", error: error ?? "")
        }
    }
    var pages: [Page]
}

/// One observed page and what the observation did to it.
private struct PageChangeReply: Encodable {
    var page: PageRecord
    var change: String
}
