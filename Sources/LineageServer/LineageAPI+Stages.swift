import Hummingbird
import LineageFormat
import LineageStore
import NIOCore

extension LineageAPI {
    /// Seed 004: documents moving through the processing DAG, their stage states and outputs.
    func addStageRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.post("/api/documents") { request, context in
            try await perform(AddDocument.self, request, context, status: .created)
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
            if action == "rerun" {
                return try await perform(RerunStage(documentID: id, stage: stage))
            }
            if action == "outputs" {
                var operation = try await RequestPayload.decode(RecordStageOutput.self, from: request, context: context)
                (operation.documentID, operation.stage) = (id, stage)
                return try await perform(operation, status: .created)
            }
            guard let transition = StageTransition.Action(rawValue: action) else {
                throw APIError.notFound(
                    "no stage action '\(action)'; use start, complete, fail, skip, rerun or outputs")
            }
            var operation = try await RequestPayload.decode(StageTransition.self, from: request, context: context)
            (operation.documentID, operation.stage, operation.action) = (id, stage, transition)
            return try await perform(operation)
        }
        router.delete("/api/documents/:id") { _, context in
            try await perform(DeleteDocument(documentID: try context.parameters.path("id")))
        }
        router.get("/api/documents/:id/history") { _, context in
            let id = try context.parameters.path("id")
            guard try store.document(id) != nil else { throw APIError.notFound("no document \(id)") }
            return try JSONReply.success(["document_id": id, "history": try store.stageHistory(documentID: id)])
        }
        router.get("/api/stages/:stage/outputs") { request, context in
            let stage = try context.parameters.path("stage")
            let query = QueryParameters(request)
            let page = try store.stageOutputs(
                atStage: stage, fileType: query.string("file_type"),
                limit: try query.integer("limit", default: 100, in: 1...10_000), cursor: query.string("cursor"))
            return try JSONReply.success(["stage_name": stage, "outputs": page.records, "next_cursor": page.nextCursor])
        }
        router.get("/api/workflows") { request, _ in
            let query = QueryParameters(request)
            let page = try store.workflows(
                currentStage: query.string("current_stage"),
                type: query.string("workflow_type").map(WorkflowType.init(rawValue:)),
                limit: try query.integer("limit", default: 100, in: 1...10_000), cursor: query.string("cursor"))
            return try JSONReply.success(["workflows": page.records, "next_cursor": page.nextCursor])
        }
        router.post("/api/stages") { request, context in try await perform(DefineStages.self, request, context) }
        router.get("/api/stages/:stage/waiting") { request, context in
            let stage = try context.parameters.path("stage")
            let query = QueryParameters(request)
            let page = try store.documents(
                atStage: stage, status: try query.vocabulary("status", StageStatus.self) ?? .pending,
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
