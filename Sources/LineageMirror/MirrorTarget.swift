import Foundation
import NIOSSL
import PostgresNIO

/// Where a mirror writes: a PostgreSQL connection as a `postgres://` URL names it, and the schema of its tables.
public struct MirrorTarget: Sendable {
    /// The connection's settings.
    let configuration: PostgresConnection.Configuration
    /// The schema holding the tables (created if missing).
    public let schema: String
    /// The URL without its password, for messages.
    public let description: String

    /// Reads `postgres://[user[:password]@]host[:port]/database[?sslmode=…&host=/socket/dir]`: TLS as libpq
    /// reads `sslmode` (`disable`, `prefer` by default, `require`; `verify-ca` and `verify-full` also check
    /// the server's certificate), a `host` parameter that is a directory as the Unix socket's directory.
    /// - Throws: ``MirrorError`` naming what is wrong with the URL or the schema's name.
    public init(url text: String, schema: String = "public") throws {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? "") else {
            throw MirrorError("\(text) is not a postgres:// URL")
        }
        guard schema.range(of: "^[A-Za-z_][A-Za-z0-9_]{0,62}$", options: .regularExpression) != nil else {
            throw MirrorError("schema \(schema) is not a plain SQL name (letters, digits, _)")
        }
        self.schema = schema
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let user = url.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let database = url.path.isEmpty || url.path == "/" ? user : String(url.path.dropFirst())
        let socketDirectory = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        if let socketDirectory {
            let port = url.port ?? 5432
            configuration = .init(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: url.password,
                database: database)
        } else {
            configuration = .init(
                host: url.host?.isEmpty == false ? url.host! : "localhost", port: url.port ?? 5432, username: user,
                password: url.password, database: database, tls: try Self.tls(query["sslmode"] ?? "prefer"))
        }
        var shown = url
        shown.password = nil
        description = shown.string ?? text
    }

    /// The TLS setting for libpq's `sslmode`.
    private static func tls(_ mode: String) throws -> PostgresConnection.Configuration.TLS {
        var client = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case "disable": return .disable
        case "allow", "prefer", "require":
            client.certificateVerification = .none
            let context = try NIOSSLContext(configuration: client)
            return mode == "require" ? .require(context) : .prefer(context)
        case "verify-ca", "verify-full":
            if mode == "verify-ca" { client.certificateVerification = .noHostnameVerification }
            return .require(try NIOSSLContext(configuration: client))
        default:
            throw MirrorError("sslmode \(mode) is not one of disable, allow, prefer, require, verify-ca, verify-full")
        }
    }
}
