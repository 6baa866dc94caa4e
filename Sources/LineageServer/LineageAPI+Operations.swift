import Hummingbird
import LineageStore

extension LineageAPI {
    /// The operator's endpoints: the status screen as JSON, liveness, metrics, and the API's description.
    func addOperationRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/api/status") { request, _ in
            let limit = try QueryParameters(request).integer("limit", default: 20, in: 1...10_000)
            return try JSONReply.success(try store.status(limit: limit))
        }
        router.get("/healthz") { _, _ in
            _ = try store.read { _ in true }
            return try JSONReply.success(["status": "ok"])
        }
        if let metrics {
            router.get("/metrics") { _, _ in
                var headers = HTTPFields()
                headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
                let body = try metrics.render(for: store)
                return Response(
                    status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
            }
        }
        router.get("/openapi.json") { _, _ in
            JSONReply.response(status: .ok, body: OpenAPIDocument.json)
        }
    }
}
