import Hummingbird
import LineageFormat
import LineageStore

extension LineageAPI {
    /// Seed 001: per-user batch-crawl schedules under a lease.
    func addCrawlRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/api/crawl/status") { request, _ in
            guard let userID = QueryParameters(request).string("user_id") else {
                throw APIError.badRequest("query parameter 'user_id' is required")
            }
            if let status = try store.read({
                try $0.schedule(userID: userID) == nil ? nil : $0.crawlStatus(userID: userID)
            }) {
                return try JSONReply.success(status)
            }
            // The seed's endpoint creates the user's default schedule on first sight.
            let status = try await store.write { try $0.crawlStatusCreatingSchedule(userID: userID) }
            return try JSONReply.success(status)
        }
        router.post("/api/crawl/schedule") { request, context in try await perform(SetSchedule.self, request, context) }
        router.post("/api/crawl/trigger") { request, context in try await perform(CrawlLease.self, request, context) }
        router.post("/api/crawl/renew") { request, context in
            var operation = try await RequestPayload.decode(CrawlLease.self, from: request, context: context)
            operation.renews = true
            return try await perform(operation)
        }
        router.post("/api/crawl/release") { request, context in try await perform(ReleaseCrawl.self, request, context) }
        router.post("/api/crawl/complete") { request, context in
            try await perform(CompleteCrawl.self, request, context)
        }
        router.post("/api/crawl/fail") { request, context in try await perform(FailCrawl.self, request, context) }
        router.post("/api/crawl/sources") { request, context in
            try await perform(SetSource.self, request, context, status: .created)
        }
        router.post("/api/crawl/sources/:id/result") { request, context in
            try await perform(RecordSourceResult.self, request, context, identity: \.sourceID)
        }
        router.get("/api/crawl/history") { request, _ in
            let query = QueryParameters(request)
            guard let userID = query.string("user_id") else {
                throw APIError.badRequest("query parameter 'user_id' is required")
            }
            let limit = try query.integer("limit", default: 100, in: 1...100_000)
            return try JSONReply.success([
                "user_id": userID, "batches": try store.crawlHistory(userID: userID, limit: limit),
            ])
        }
        router.get("/api/crawl/due") { request, _ in
            let limit = try QueryParameters(request).integer("limit", default: 100, in: 1...100_000)
            return try JSONReply.success(["schedules": try store.dueSchedules(at: store.clock.now(), limit: limit)])
        }
    }
}
