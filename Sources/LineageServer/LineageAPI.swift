import Hummingbird
import LineageStore

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

    /// An API over `store`, guarded by `access`.
    public init(store: LineageStore, access: AccessPolicy) {
        self.store = store
        self.access = access
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
        addOperationRoutes(to: router)
    }
}
