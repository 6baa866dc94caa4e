import ArgumentParser
import Foundation
import LineageServer
import LineageStore

/// `lineage serve`: the seed systems' HTTP API over one database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (progress, jobs, pages, crawl schedules, imports, stages) over one database.",
        discussion: """
            Writes need a bearer token from --token-file: one SHA-256 hex digest of a token per line, optionally \
            followed by a name (printf %s "$TOKEN" | sha256sum). Reads need one too unless --open-reads is given \
            on a loopback host. SIGTERM or SIGINT stops accepting, answers what is in flight, and closes the \
            database.
            """)

    @OptionGroup var location: StoreLocation
    @OptionGroup var writerCache: WriterCacheOption
    @Option(help: "The host or address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port).") var port = 8080
    @Option(help: "The file of accepted token digests.") var tokenFile: String?
    @Flag(help: "Answer reads without a token (loopback hosts only).") var openReads = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        let tokens: BearerTokens
        do { tokens = try tokenFile.map(BearerTokens.init(contentsOf:)) ?? .none } catch { throw fail(error) }
        var configuration = LineageServer.Configuration(
            host: host, port: port, access: AccessPolicy(tokens: tokens, openReads: openReads))
        do { try configuration.validate() } catch { throw ValidationError("\(error)") }
        // Before the store opens: its writer makes its instruments with the process's metrics backend.
        configuration.metrics = MetricsExposition.bootstrap()
        let store: LineageStore
        do { store = try location.open(writable: true, adjust: writerCache.apply) } catch { throw fail(error) }
        defer { store.close() }
        let host = host
        do {
            try await LineageServer(store: store, configuration: configuration).run { port in
                FileHandle.standardOutput.write(Data("lineage: serving \(store.path) on http://\(host):\(port)\n".utf8))
            }
        } catch { throw fail(error) }
        FileHandle.standardOutput.write(Data("lineage: stopped; every answered write is committed\n".utf8))
    }
}
