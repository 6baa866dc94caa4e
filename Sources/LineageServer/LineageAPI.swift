import Hummingbird
import LineageStore
import NIOCore

/// The seed systems' HTTP API over one store: mount it in any Hummingbird application with
/// ``addRoutes(to:)``, or run it on its own with ``LineageServer``.
///
/// Every write goes through the store's group-commit writer and is answered only after the commit that
/// holds it; concurrent requests share commits.
public struct LineageAPI: Sendable {
    /// The store served.
    public let store: LineageStore
    /// Who may call what.
    public let access: AccessPolicy
    /// What `GET /metrics` renders; without it, the route is not served.
    public let metrics: MetricsExposition?

    /// An API over `store`, guarded by `access`, serving `metrics` if given.
    public init(store: LineageStore, access: AccessPolicy, metrics: MetricsExposition? = nil) {
        self.store = store
        self.access = access
        self.metrics = metrics
    }

    /// Adds the error shape, authentication and every route to `router`.
    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: AuthenticationMiddleware(policy: access))
        addProgressRoutes(to: router)
        addJobRoutes(to: router)
        addPageRoutes(to: router)
        addCrawlRoutes(to: router)
        addImportRoutes(to: router)
        addStageRoutes(to: router)
        addChangeRoutes(to: router)
        addOperationRoutes(to: router)
    }

    /// The channel handlers to install in front of the router (`HTTP1Channel.Configuration`'s
    /// `additionalChannelHandlers`): they answer the crawler's single-update progress POSTs on the event loop,
    /// several times the rate the router reaches on a small machine; without them the route answers alike.
    /// `serverName` is the `Server` header they send, as the application's configuration sends it.
    public func channelHandlers(serverName: String? = nil) -> [any RemovableChannelHandler] {
        [ProgressFastPath(store: store, access: access, serverName: serverName)]
    }

    /// Runs `operation` through the group-commit writer and answers its outcome once committed.
    func perform<Operation: StoreOperation>(_ operation: Operation, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let outcome = try await store.write { try operation.run(in: $0) }
        return try JSONReply.success(outcome, status: status)
    }

    /// Decodes an `Operation` from the request's body, sets the property at `identity` to the path's `:id`
    /// (for an operation on one record), then ``perform(_:status:)``.
    func perform<Operation: StoreOperation>(
        _ type: Operation.Type, _ request: Request, _ context: some RequestContext,
        identity: WritableKeyPath<Operation, String>? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var operation = try await RequestPayload.decode(type, from: request, context: context)
        if let identity { operation[keyPath: identity] = try context.parameters.path("id") }
        return try await perform(operation, status: status)
    }
}
