import Hummingbird
import LineageFormat
import LineageStore

extension LineageAPI {
    /// Seed 000: process jobs — start, complete, fail, the pages a job observed, listings and timelines.
    func addJobRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.post("/api/jobs") { request, context in
            try await perform(StartJob.self, request, context, status: .created)
        }
        router.post("/api/jobs/:id/complete") { _, context in
            try await perform(CompleteJob(id: try context.parameters.path("id")))
        }
        router.post("/api/jobs/:id/fail") { request, context in
            try await perform(FailJob.self, request, context, identity: \.id)
        }
        router.post("/api/jobs/:id/pages") { request, context in
            try await perform(RecordPages.self, request, context, identity: \.jobID)
        }
        router.post("/api/jobs/:id/batches") { request, context in
            try await perform(AttachBatch.self, request, context, identity: \.id)
        }
        router.get("/api/jobs/:id/compare/:other") { _, context in
            let comparison = try store.compareJobs(
                try context.parameters.path("id"), try context.parameters.path("other"))
            return try JSONReply.success(comparison)
        }
        router.get("/api/jobs") { request, _ in
            let query = QueryParameters(request)
            let filter = JobFilter(
                status: try query.vocabulary("status", JobStatus.self),
                processType: try query.vocabulary("process_type", ProcessType.self),
                websiteID: query.string("website_id"), since: try query.time("since"))
            let page = try store.jobs(
                filter, limit: try query.integer("limit", default: 100, in: 1...10_000), cursor: query.string("cursor"))
            return try JSONReply.success(["jobs": page.records, "next_cursor": page.nextCursor])
        }
        router.get("/api/jobs/stalled") { request, _ in
            let query = QueryParameters(request)
            let minutes = try query.integer("minutes", default: 10, in: 1...52_560_000)
            let jobs = try store.stalledJobs(
                idleFor: Int64(minutes) * 60 * Timestamp.second,
                limit: try query.integer("limit", default: 100, in: 1...10_000))
            return try JSONReply.success(["jobs": jobs])
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
