import Hummingbird

/// Who may call what: writes always need a bearer token; reads need one unless ``openReads``.
public struct AccessPolicy: Sendable {
    /// The accepted tokens.
    public var tokens: BearerTokens
    /// Whether reads are answered without a token (only allowed on a loopback listener).
    public var openReads: Bool

    /// A policy accepting `tokens`, with reads open or not.
    public init(tokens: BearerTokens, openReads: Bool = false) {
        self.tokens = tokens
        self.openReads = openReads
    }

    /// Paths answered to anyone: liveness and the API's own description.
    static let publicPaths: Set<String> = ["/healthz", "/openapi.json"]
}

/// Refuses requests without an accepted bearer token, as the ``AccessPolicy`` says, with `401` and
/// `WWW-Authenticate: Bearer`.
struct AuthenticationMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: AccessPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let isRead = request.method == .get || request.method == .head
        if AccessPolicy.publicPaths.contains(request.uri.path) || (isRead && policy.openReads) {
            return try await next(request, context)
        }
        if let refusal = policy.refusal(ofAuthorization: request.headers[.authorization]) { throw refusal }
        return try await next(request, context)
    }
}

extension AccessPolicy {
    /// Why a request that needs a token, with the `Authorization` header `authorization`, is refused (a
    /// `401` with `WWW-Authenticate: Bearer`), or `nil` when its bearer token is accepted.
    func refusal(ofAuthorization authorization: String?) -> APIError? {
        guard let authorization else {
            return Self.refusal("this request needs a bearer token (Authorization: Bearer …)", error: nil)
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            return Self.refusal("the Authorization header must be 'Bearer <token>'", error: "invalid_request")
        }
        guard tokens.holder(of: parts[1]) != nil else {
            return Self.refusal("the bearer token is not accepted", error: "invalid_token")
        }
        return nil
    }

    private static func refusal(_ message: String, error: String?) -> APIError {
        var refusal = APIError(.unauthorized, "unauthorized", message)
        refusal.headers[.wwwAuthenticate] =
            #"Bearer realm="lineage""# + (error.map { #", error=""# + $0 + #"""# } ?? "")
        return refusal
    }
}
