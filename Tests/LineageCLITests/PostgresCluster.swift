import Foundation
import TestSupport

/// A throwaway PostgreSQL cluster for the mirror's tests: `initdb` in a temporary directory (as the
/// `postgres` user when the tests run as root, since the server refuses to run as root), a server on a
/// loopback port with trust authentication, stopped when the test process exits. One cluster serves every
/// test; each test writes to a schema of its own.
final class PostgresCluster: Sendable {
    /// The cluster, started on first use, or why it could not start.
    static let shared: Result<PostgresCluster, PostgresCluster.Unavailable> = Result { try PostgresCluster() }
        .mapError { $0 as? Unavailable ?? Unavailable(reason: "\($0)") }

    /// Why there is no cluster (PostgreSQL not installed, the server would not start).
    struct Unavailable: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// Whether the mirror's tests can run, for `.enabled(if:)`; when they cannot, says why on standard error.
    static var isAvailable: Bool {
        if case .failure(let reason) = shared {
            FileHandle.standardError.write(Data("PostgreSQL mirror tests skipped: \(reason)\n".utf8))
            return false
        }
        return true
    }

    let port: Int
    private let directory: String
    private let binaries: String
    private let asPostgres: Bool

    /// The URL `lineage mirror` takes.
    var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres?sslmode=disable" }

    private init() throws {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = versions.sorted().last else {
            throw Unavailable(reason: "PostgreSQL is not installed (make test installs Debian's postgresql)")
        }
        binaries = "/usr/lib/postgresql/\(version)/bin"
        asPostgres = getuid() == 0
        directory =
            FileManager.default.temporaryDirectory.appendingPathComponent("lineage-pg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if asPostgres {
            try FileManager.default.setAttributes([.ownerAccountName: "postgres"], ofItemAtPath: directory)
        }
        let initdb = try Self.run(
            asPostgres, "\(binaries)/initdb", ["-D", "\(directory)/data", "-A", "trust", "-U", "postgres"])
        guard initdb.status == 0 else { throw Unavailable(reason: "initdb failed: \(initdb.stderr.suffix(300))") }
        var started: (port: Int, error: String)?
        for _ in 0..<5 {
            let port = Int.random(in: 20_000...60_000)
            let start = try Self.run(
                asPostgres, "\(binaries)/pg_ctl",
                [
                    "-D", "\(directory)/data", "-l", "\(directory)/log", "-w", "-t", "30", "-o",
                    "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off", "start",
                ])
            if start.status == 0 {
                started = (port, "")
                break
            }
            started = (0, start.stderr + ((try? String(contentsOfFile: "\(directory)/log", encoding: .utf8)) ?? ""))
        }
        guard let started, started.port != 0 else {
            throw Unavailable(reason: "the PostgreSQL server did not start: \(started?.error.suffix(300) ?? "")")
        }
        port = started.port
        let stop = "\(binaries)/pg_ctl -D \(directory)/data -m immediate stop"
        Self.stopAtExit = (asPostgres ? "runuser -u postgres -- \(stop)" : stop) + "; rm -rf '\(directory)'"
        atexit {
            if let command = PostgresCluster.stopAtExit { _ = system(command + " >/dev/null 2>&1") }
        }
    }

    /// The command that stops the cluster and removes its files, run when the test process exits.
    nonisolated(unsafe) private static var stopAtExit: String?

    /// The rows `sql` returns, one line each, columns separated by `|` (`psql -tA`).
    func query(_ sql: String) throws -> [String] {
        let result = try runProcess(
            "/usr/bin/psql",
            ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql])
        guard result.status == 0 else { throw Unavailable(reason: "psql: \(result.stderr)") }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// The rows `sql` returns, each a value per column (`nil` for NULL); any text may be in a value.
    func rows(_ sql: String) throws -> [[String?]] {
        let null = "\u{2}NULL"
        let result = try runProcess(
            "/usr/bin/psql",
            [
                "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-tA", "-v", "ON_ERROR_STOP=1", "-F", "\u{1F}",
                "-R", "\u{1E}", "-P", "null=\(null)", "-c", sql,
            ])
        guard result.status == 0 else { throw Unavailable(reason: "psql: \(result.stderr)") }
        return result.stdout.split(separator: "\u{1E}", omittingEmptySubsequences: false).compactMap { line in
            let row = line.hasSuffix("\n") ? line.dropLast() : line
            return row.isEmpty
                ? nil
                : row.split(separator: "\u{1F}", omittingEmptySubsequences: false).map {
                    $0 == null ? nil : String($0)
                }
        }
    }

    /// Runs `executable` (as `postgres` when `asPostgres`) through `system`, with its output in a file rather
    /// than a pipe: the server `pg_ctl` starts keeps what it inherits open, so a pipe would never reach its end.
    private static func run(_ asPostgres: Bool, _ executable: String, _ arguments: [String]) throws -> (
        status: Int32, stderr: String
    ) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pg-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let words = (asPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []) + [executable] + arguments
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let status = system(quoted.joined(separator: " ") + " </dev/null >'\(output)' 2>&1")
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }
}
