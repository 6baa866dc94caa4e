import Foundation
import Hummingbird
import LineageFormat
import LineageStore

extension LineageAPI {
    /// Seed 003: the crawler's progress endpoint, one update as JSON or many as NDJSON.
    func addProgressRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.post("/api/internal/jobs/progress") { request, context in
            let bytes = try await RequestPayload.bytes(of: request, context: context)
            if RequestPayload.isJSONLines(request.headers[.contentType]) {
                let summary = try await store.ingest(jsonLines: bytes, named: "request")
                return try JSONReply.success(summary)
            }
            let update: ProgressUpdate
            do { update = try ProgressUpdate.parse(json: bytes) } catch let error as StoreError {
                throw APIError.badRequest(error.message)
            }
            let answer = Self.answer(to: try await store.receipt(for: update), jobID: update.jobID)
            return JSONReply.response(status: answer.status, body: answer.body)
        }
    }
}

extension LineageAPI {
    /// The progress endpoint's answer to one update as committed: `{"success": true, "outcome": …, "job": …}`,
    /// or the 422 of an invalid update and the 404 of an unknown job.
    static func answer(to receipt: ProgressReceipt, jobID: String) -> (status: HTTPResponse.Status, body: Data) {
        let outcome = receipt.outcome
        switch outcome.kind {
        case .invalid:
            return (.unprocessableContent, APIError(.unprocessableContent, "invalid_update", outcome.message).body)
        case .unknownJob:
            let message = outcome.message.isEmpty ? "no job '\(jobID)'" : outcome.message
            return (.notFound, APIError.notFound(message).body)
        default:
            let reply: JSONValue = [  // members in the order they are written
                "job": receipt.job.map(progressJSON) ?? .null, "message": .string(outcome.message),
                "outcome": .string(outcome.kind.rawValue), "success": .bool(true),
            ]
            return (.ok, Data(reply.jsonBytes))
        }
    }

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
