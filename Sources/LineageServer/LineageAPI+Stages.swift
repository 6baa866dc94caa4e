import Hummingbird
import LineageFormat
import LineageStore
import NIOCore

extension LineageAPI {
    /// Seed 004: documents moving through the processing DAG, their stage states and outputs.
    func addStageRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.post("/api/documents") { request, context in
            let body = try await RequestPayload.decode(DocumentBody.self, from: request, context: context)
            let document = try await store.write {
                try $0.addDocument(
                    id: body.documentID, title: body.title ?? "", realm: body.realm ?? "",
                    workflowType: body.workflowType ?? "default", configuration: body.configuration?.text ?? "")
            }
            return try JSONReply.success(status: .created, ["document": document])
        }
        router.get("/api/documents/:id/stages") { _, context in
            try JSONReply.success(try store.documentOverview(try context.parameters.path("id")))
        }
        router.get("/api/documents/:id/next") { _, context in
            let id = try context.parameters.path("id")
            return try JSONReply.success([
                "document_id": id, "runnable_stages": try store.nextRunnableStages(documentID: id),
            ])
        }
        router.post("/api/documents/:id/stages/:stage/:action") { request, context in
            let id = try context.parameters.path("id")
            let stage = try context.parameters.path("stage")
            let action = try context.parameters.path("action")
            let record: DocumentStageRecord
            switch action {
            case "start": record = try await store.write { try $0.startStage(documentID: id, stage: stage) }
            case "complete": record = try await store.write { try $0.completeStage(documentID: id, stage: stage) }
            case "skip": record = try await store.write { try $0.skipStage(documentID: id, stage: stage) }
            case "fail":
                let failure = try await RequestPayload.decode(StageFailure.self, from: request, context: context)
                record = try await store.write { try $0.failStage(documentID: id, stage: stage, error: failure.error) }
            case "outputs":
                let body = try await RequestPayload.decode(StageOutputBody.self, from: request, context: context)
                let output = try body.output()
                let stored = try await store.write { try $0.recordStageOutput(documentID: id, stage: stage, output) }
                return try JSONReply.success(status: .created, ["output": stored])
            default:
                throw APIError.notFound("no stage action '\(action)'; use start, complete, fail, skip or outputs")
            }
            return try JSONReply.success(["stage": record])
        }
        router.post("/api/stages") { request, context in
            let body = try await RequestPayload.decode(StageDefinitions.self, from: request, context: context)
            let definitions = body.records
            let graph = try await store.write { context in
                body.defaultPipeline == true
                    ? try context.installDefaultPipeline() : try context.defineStages(definitions)
            }
            return try JSONReply.success(["stages": graph.stages])
        }
        router.get("/api/stages/:stage/waiting") { request, context in
            let stage = try context.parameters.path("stage")
            let query = QueryParameters(request)
            let page = try store.documents(
                atStage: stage, status: query.vocabulary("status", StageStatus.self) ?? .pending,
                limit: try query.integer("limit", default: 100, in: 1...10_000), cursor: query.string("cursor"))
            return try JSONReply.success(["stage": stage, "documents": page.records, "next_cursor": page.nextCursor])
        }
        router.get("/api/stages/graph") { request, _ in
            let graph = try store.stageGraph()
            switch QueryParameters(request).string("format") {
            case nil, "json": return try JSONReply.success(["stages": graph.stages])
            case "dot": return Self.text(graph.dot, type: "text/vnd.graphviz")
            case "mermaid": return Self.text(graph.mermaid, type: "text/plain")
            case let other?:
                throw APIError.badRequest("query parameter 'format' must be json, dot or mermaid, not '\(other)'")
            }
        }
    }

    /// A plain-text response.
    static func text(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type + "; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The body of `POST /api/documents`.
private struct DocumentBody: Decodable {
    var documentID: String
    var title: String?
    var realm: String?
    var workflowType: String?
    var configuration: JSONText?

    enum CodingKeys: String, CodingKey {
        case documentID = "document_id", title, realm, workflowType = "workflow_type", configuration
    }
}

/// The body of `POST /api/stages`: stage definitions to add or replace, or the seed's default pipeline.
private struct StageDefinitions: Decodable {
    struct Stage: Decodable {
        var name: String
        var dependsOn: [String]?
        var optional: Bool?
        var maxRetries: UInt64?
        var description: String?

        enum CodingKeys: String, CodingKey {
            case name, dependsOn = "depends_on", optional, maxRetries = "max_retries", description
        }
    }
    var stages: [Stage]?
    var defaultPipeline: Bool?

    enum CodingKeys: String, CodingKey { case stages, defaultPipeline = "default_pipeline" }

    var records: [StageDefinitionRecord] {
        (stages ?? []).map { stage in
            var record = StageDefinitionRecord()
            record.name = stage.name
            record.dependsOn = stage.dependsOn ?? []
            record.isOptional = stage.optional ?? false
            record.maxRetries = stage.maxRetries ?? 0
            record.summary = stage.description ?? ""
            return record
        }
    }
}

/// The body of `POST …/stages/{stage}/fail`.
private struct StageFailure: Decodable {
    var error: String
}

/// The body of `POST …/stages/{stage}/outputs`: a file the stage wrote, with the digests the caller computed
/// (the server never reads files named in a request).
private struct StageOutputBody: Decodable {
    var path: String
    var mimeType: String?
    var fileType: String?
    var metadata: JSONText?
    var size: UInt64
    var sha256: String
    var xxh3: String

    enum CodingKeys: String, CodingKey {
        case path, mimeType = "mime_type", fileType = "file_type", metadata, size, sha256, xxh3
    }

    func output() throws -> StageOutput {
        guard sha256.count == 64, let sha = Hex.decode(sha256) else {
            throw APIError.badRequest("field 'sha256' must be 64 hex digits")
        }
        guard xxh3.count == 32, let bytes = Hex.decode(xxh3), let digest = Digest128(canonical: bytes) else {
            throw APIError.badRequest("field 'xxh3' must be 32 hex digits (an XXH3-128 digest)")
        }
        return StageOutput(
            path: path, mimeType: mimeType ?? "application/octet-stream", fileType: fileType ?? "",
            metadata: metadata?.text ?? "", source: .digests(FileDigests(size: size, sha256: sha, xxh3: digest)))
    }
}
