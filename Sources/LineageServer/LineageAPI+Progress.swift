import Hummingbird
import LineageFormat
import LineageStore

extension LineageAPI {
    /// Seed 003: the crawler's progress endpoint, one update as JSON or many as NDJSON.
    func addProgressRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.post("/api/internal/jobs/progress") { request, context in
            let bytes = try await RequestPayload.bytes(of: request, context: context)
            if request.headers[.contentType]?.lowercased().hasPrefix("application/x-ndjson") == true {
                let summary = try await store.ingest(jsonLines: bytes, named: "request")
                return try JSONReply.success(summary)
            }
            let update: ProgressUpdate
            do { update = try ProgressUpdate.parse(json: bytes) } catch let error as StoreError {
                throw APIError.badRequest(error.message)
            }
            let outcome = try await store.ingest(update)
            switch outcome.kind {
            case .invalid: throw APIError(.unprocessableContent, "invalid_update", outcome.message)
            case .unknownJob:
                throw APIError.notFound(outcome.message.isEmpty ? "no job '\(update.jobID)'" : outcome.message)
            default:
                let job = try store.job(update.jobID).map(JobProgress.init)
                return try JSONReply.success(["outcome": outcome.kind.rawValue, "message": outcome.message, "job": job])
            }
        }
    }
}

/// A job's merged progress as the progress endpoint answers it: the seed's `progress` document, with the
/// job's id, status and update count (`GET /api/jobs/{id}` has every field).
private struct JobProgress: Encodable {
    var id: String
    var status: String
    var progress: [String: JSONValue]
    var progressUpdates: UInt64
    @RFC3339 var updatedAt: Int64

    init(_ job: JobRecord) {
        id = job.id
        status = job.status.rawValue
        progress = job.progressJSON
        progressUpdates = job.progressUpdates
        updatedAt = job.updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, status, progress, progressUpdates = "progress_updates", updatedAt = "updated_at"
    }
}
