import Foundation
import TestSupport

/// What a mirror test works with: a temporary directory for its stores, the shared throwaway PostgreSQL
/// cluster, and a schema of its own there.
struct MirrorBench {
    let directory: TemporaryDirectory
    let cluster: PostgresCluster
    /// This test's schema in the shared cluster.
    let schema = "t_" + UUID().uuidString.prefix(8).lowercased()

    init() throws {
        directory = try TemporaryDirectory()
        cluster = try PostgresCluster.shared.get()
    }

    /// Runs `lineage` on the store at `db`.
    func lineage(_ arguments: [String], db: String, stdin: String? = nil) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let result = try LineageBinary.run(arguments + ["--db", db], stdin: stdin.map { Data($0.utf8) })
        return (result.status, result.stdout, result.stderr)
    }

    /// `lineage …  --format json` on `db`, its output parsed.
    func json(_ arguments: [String], db: String) throws -> Any? {
        let result = try lineage(arguments + ["--format", "json"], db: db)
        return try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// Mirrors the store at `db` into this test's schema; its report.
    func mirror(_ db: String, _ options: [String] = []) throws -> [String: Any] {
        let result = try lineage(["mirror", cluster.url, "--schema", schema, "--format", "json"] + options, db: db)
        guard result.status == 0 else { throw PostgresCluster.Unavailable(reason: "mirror: \(result.stderr)") }
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
    }

    /// The rows of `table` (of one store's when given).
    func count(_ table: String, store: String? = nil) throws -> Int {
        let filter = store.map { " WHERE store_id = '\($0)'" } ?? ""
        return Int(try cluster.query("SELECT count(*) FROM \(schema).\(table)\(filter)").first ?? "") ?? -1
    }

    /// The `store_id` of the store at `db`.
    func storeID(_ db: String) throws -> String {
        (try json(["stats"], db: db) as? [String: Any])?["store_id"] as? String ?? ""
    }
}
