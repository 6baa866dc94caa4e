import Hummingbird
import HummingbirdCore
import LineageStore
import Logging
import NIOCore

/// `lineage serve`: the ``LineageAPI`` over one store as a standalone HTTP server.
///
/// It stops on SIGTERM or SIGINT: it stops accepting connections, answers the requests in flight (each
/// after its commit), and returns; the caller then closes the store, which drains the writer.
public struct LineageServer: Sendable {
    /// Where to listen and who may call.
    public struct Configuration: Sendable {
        /// The host or address to listen on.
        public var host: String
        /// The port, or 0 for any free port.
        public var port: Int
        /// Who may call what.
        public var access: AccessPolicy
        /// What `GET /metrics` renders, if anything.
        public var metrics: MetricsExposition?

        /// A configuration for `host:port` guarded by `access`, serving `metrics` if given.
        public init(
            host: String = "127.0.0.1", port: Int = 8080, access: AccessPolicy, metrics: MetricsExposition? = nil
        ) {
            self.host = host
            self.port = port
            self.access = access
            self.metrics = metrics
        }

        /// Whether `host` is reachable only from this machine.
        public var isLoopback: Bool {
            host == "localhost" || host == "::1" || host.hasPrefix("127.")
        }

        /// Refuses a configuration that would expose the store: no token on a non-loopback host, or open
        /// reads on one.
        public func validate() throws {
            guard !isLoopback else { return }
            if access.tokens.isEmpty {
                throw ServerConfigurationError(
                    "refusing to listen on \(host) without a token file: anyone who can reach it could read and write")
            }
            if access.openReads {
                throw ServerConfigurationError("--open-reads is allowed only on a loopback host, not \(host)")
            }
        }
    }

    /// The store served.
    public let store: LineageStore
    /// Where to listen and who may call.
    public let configuration: Configuration

    /// A server for `store`.
    public init(store: LineageStore, configuration: Configuration) {
        self.store = store
        self.configuration = configuration
    }

    /// The `Server` header's value.
    static let serverName = "lineage"

    /// Runs until SIGTERM or SIGINT; `onListening` gets the bound port once connections are accepted.
    /// - Throws: ``ServerConfigurationError`` for a configuration ``Configuration/validate()`` refuses, or
    ///   the error that stopped the server (the port in use, say).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        try configuration.validate()
        let router = Router(context: LineageRequestContext.self)
        let api = LineageAPI(store: store, access: configuration.access, metrics: configuration.metrics)
        api.addRoutes(to: router)
        var logger = Logger(label: "lineage.serve")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            server: .http1(
                configuration: HTTP1Channel.Configuration(
                    additionalChannelHandlers: api.channelHandlers(serverName: Self.serverName))),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: Self.serverName),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.runService()
    }
}

/// The request context of ``LineageServer``: large enough bodies for NDJSON batches.
public struct LineageRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) { coreContext = .init(source: source) }

    /// Request bodies up to 64 MiB (an NDJSON batch of 100,000 updates); larger ones get a 413.
    public var maxUploadSize: Int { 64 << 20 }
}

/// A server configuration that is refused, saying why.
public struct ServerConfigurationError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }
}
