import Foundation
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
            let receipt = try await store.receipt(for: update)
            let outcome = receipt.outcome
            switch outcome.kind {
            case .invalid: throw APIError(.unprocessableContent, "invalid_update", outcome.message)
            case .unknownJob:
                throw APIError.notFound(outcome.message.isEmpty ? "no job '\(update.jobID)'" : outcome.message)
            default:
                let job = receipt.job.map(Self.progressJSON) ?? .null
                let reply: JSONValue = [  // members in the order they are written
                    "job": job, "message": .string(outcome.message), "outcome": .string(outcome.kind.rawValue),
                    "success": .bool(true),
                ]
                return JSONReply.response(status: .ok, body: Data(reply.jsonBytes))
            }
        }
    }
}

extension LineageAPI {
    /// A job's merged progress as the progress endpoint answers it: the seed's `progress` document with the
    /// job's id, status and update count (`GET /api/jobs/{id}` has every field). Written without `JSONEncoder`:
    /// this answer is on the hottest path.
    static func progressJSON(_ job: JobRecord) -> JSONValue {
        [  // in the order they are written
            "id": .string(job.id), "progress": .object(job.progressJSON),
            "progress_updates": .unsigned(job.progressUpdates),
            "status": .string(job.status.rawValue), "updated_at": .string(Timestamp.format(job.updatedAt)),
        ]
    }
}
