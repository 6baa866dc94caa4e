import Hummingbird

/// Answers every failure — a route's, the router's own 404, a body over the size limit — in the API's JSON
/// error shape, so no client ever parses an empty or plain-text error body.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return try APIError(.notFound, "no_route", "no route for \(request.method) \(request.uri.path)")
                .response(from: request, context: context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.status.code >= 500 {
                context.logger.error("\(request.method) \(request.uri.path): \(apiError)")
            }
            return try apiError.response(from: request, context: context)
        }
    }
}
