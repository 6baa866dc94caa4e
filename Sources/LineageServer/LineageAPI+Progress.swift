import Hummingbird
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
                return try JSONReply.success([
                    "outcome": outcome.kind.rawValue, "message": outcome.message, "job": try store.job(update.jobID),
                ])
            }
        }
    }
}
