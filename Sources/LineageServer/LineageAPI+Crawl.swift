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
            let status = try await store.write { context in
                if try context.schedule(userID: userID) == nil { _ = try context.setSchedule(userID: userID) }
                return try context.crawlStatus(userID: userID)
            }
            return try JSONReply.success(status)
        }
        router.post("/api/crawl/schedule") { request, context in
            let body = try await RequestPayload.decode(ScheduleSetting.self, from: request, context: context)
            let schedule = try await store.write {
                try $0.setSchedule(userID: body.userID, frequencyHours: body.crawlFrequencyHours ?? 24)
            }
            return try JSONReply.success(["schedule": schedule])
        }
        router.post("/api/crawl/trigger") { request, context in
            let body = try await RequestPayload.decode(LeaseRequest.self, from: request, context: context)
            let lease = try body.leaseMicroseconds()
            let schedule = try await store.write {
                try $0.startBatchCrawl(userID: body.userID, owner: body.owner, lease: lease)
            }
            return try JSONReply.success(["schedule": schedule])
        }
        router.post("/api/crawl/renew") { request, context in
            let body = try await RequestPayload.decode(LeaseRequest.self, from: request, context: context)
            let lease = try body.leaseMicroseconds()
            let schedule = try await store.write {
                try $0.renewBatchCrawl(userID: body.userID, owner: body.owner, lease: lease)
            }
            return try JSONReply.success(["schedule": schedule])
        }
        router.post("/api/crawl/complete") { request, context in
            let body = try await RequestPayload.decode(BatchCompletion.self, from: request, context: context)
            let schedule = try await store.write {
                try $0.completeBatchCrawl(
                    userID: body.userID, owner: body.owner, sourcesCrawled: body.sourcesCrawledCount,
                    sourcesFailed: body.sourcesFailedCount)
            }
            return try JSONReply.success(["schedule": schedule])
        }
        router.post("/api/crawl/fail") { request, context in
            let body = try await RequestPayload.decode(BatchFailure.self, from: request, context: context)
            let schedule = try await store.write {
                try $0.failBatchCrawl(userID: body.userID, owner: body.owner, error: body.error)
            }
            return try JSONReply.success(["schedule": schedule])
        }
        router.post("/api/crawl/release") { request, context in
            let body = try await RequestPayload.decode(LeaseRequest.self, from: request, context: context)
            let schedule = try await store.write { try $0.abandonBatchCrawl(userID: body.userID, owner: body.owner) }
            return try JSONReply.success(["schedule": schedule])
        }
        router.post("/api/crawl/sources/:id/result") { request, context in
            let sourceID = try context.parameters.path("id")
            let body = try await RequestPayload.decode(SourceResult.self, from: request, context: context)
            let source = try await store.write {
                try $0.recordSourceCrawl(userID: body.userID, sourceID: sourceID, error: body.error)
            }
            return try JSONReply.success(["source": source])
        }
        router.get("/api/crawl/due") { request, _ in
            let limit = try QueryParameters(request).integer("limit", default: 100, in: 1...100_000)
            return try JSONReply.success(["schedules": try store.dueSchedules(at: store.clock.now(), limit: limit)])
        }
    }
}

/// The body of `POST /api/crawl/schedule`.
private struct ScheduleSetting: Decodable {
    var userID: String
    var crawlFrequencyHours: Int?

    enum CodingKeys: String, CodingKey { case userID = "user_id", crawlFrequencyHours = "crawl_frequency_hours" }
}

/// The body of `POST /api/crawl/trigger`, `renew` and `release`: who takes the lease, for how long.
private struct LeaseRequest: Decodable {
    var userID: String
    var owner: String
    var leaseSeconds: Double?

    enum CodingKeys: String, CodingKey { case userID = "user_id", owner, leaseSeconds = "lease_seconds" }

    /// The lease in microseconds (an hour by default).
    func leaseMicroseconds() throws -> Int64 {
        let seconds = leaseSeconds ?? 3_600
        guard seconds.isFinite, seconds > 0, seconds <= 100 * 365.25 * 86_400 else {
            throw APIError.badRequest("field 'lease_seconds' must be a positive number of seconds, at most a century")
        }
        return Int64(seconds * 1_000_000)
    }
}

/// The body of `POST /api/crawl/complete`.
private struct BatchCompletion: Decodable {
    var userID: String
    var owner: String
    var sourcesCrawledCount: Int
    var sourcesFailedCount: Int

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", owner, sourcesCrawledCount = "sources_crawled_count",
            sourcesFailedCount = "sources_failed_count"
    }
}

/// The body of `POST /api/crawl/fail`.
private struct BatchFailure: Decodable {
    var userID: String
    var owner: String
    var error: String

    enum CodingKeys: String, CodingKey { case userID = "user_id", owner, error }
}

/// The body of `POST /api/crawl/sources/{id}/result`.
private struct SourceResult: Decodable {
    var userID: String
    var error: String?

    enum CodingKeys: String, CodingKey { case userID = "user_id", error }
}
