import Foundation
import TestSupport
import Testing

/// `lineage mirror` against a real PostgreSQL server: the seeds' tables hold what the store holds, exactly
/// once, for several stores at a time.
@Suite(.enabled(if: PostgresCluster.isAvailable, "needs a PostgreSQL server (make test installs one)"))
struct MirrorCommandTests {
    let directory: TemporaryDirectory
    let cluster: PostgresCluster
    /// This test's schema in the shared cluster.
    let schema = "t_" + UUID().uuidString.prefix(8).lowercased()

    init() throws {
        directory = try TemporaryDirectory()
        cluster = try PostgresCluster.shared.get()
    }

    func lineage(_ arguments: [String], db: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try LineageBinary.run(arguments + ["--db", db])
        return (result.status, result.stdout, result.stderr)
    }

    func mirror(_ db: String) throws -> [String: Any] {
        let result = try lineage(["mirror", cluster.url, "--schema", schema, "--format", "json"], db: db)
        #expect(result.status == 0, "\(result.stderr)")
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
    }

    func count(_ table: String, store: String? = nil) throws -> Int {
        let filter = store.map { " WHERE store_id = '\($0)'" } ?? ""
        return Int(try cluster.query("SELECT count(*) FROM \(schema).\(table)\(filter)").first ?? "") ?? -1
    }

    func storeID(_ db: String) throws -> String {
        let stats = try lineage(["stats", "--format", "json"], db: db).stdout
        let object = (try? JSONSerialization.jsonObject(with: Data(stats.utf8))) as? [String: Any]
        return object?["store_id"] as? String ?? ""
    }

    @Test func theSeedsTablesHoldWhatTheStoreHoldsAndASecondRunAppliesNothing() throws {
        let db = directory.path("a.db")
        #expect(try lineage(["init"], db: db).status == 0)
        #expect(
            try lineage(["jobs", "start", #"{"id": "j1", "website_id": "w", "process_type": "sync"}"#], db: db).status
                == 0)
        let pages = #"{"website_id": "w", "url": "https://w/a", "firecrawl_batch_id": "fc-1"}"#
        #expect(try LineageBinary.run(["pages", "record", "j1", "--db", db], stdin: Data(pages.utf8)).status == 0)
        #expect(try lineage(["jobs", "complete", "j1"], db: db).status == 0)
        let first = try mirror(db)
        #expect(first["applied"] as? Int == 5 && first["position"] as? Int == 5)
        let id = try storeID(db)
        #expect(
            try cluster.query("SELECT id, status, urls_discovered, firecrawl_batch_ids[1] FROM \(schema).process_jobs")
                == ["j1|completed|1|fc-1"])
        #expect(
            try cluster.query("SELECT created_by_process_id, firecrawl_batch_id, store_id FROM \(schema).pages")
                == ["j1|fc-1|\(id)"])
        #expect(try cluster.query("SELECT status, progress->>'processedItems' FROM \(schema).job") == ["completed|0"])
        #expect(try count("lineage_page_versions") == 1)
        let again = try mirror(db)
        #expect(again["applied"] as? Int == 0 && again["position"] as? Int == 5, "nothing is applied twice")
        #expect(try cluster.query("SELECT position FROM \(schema).lineage_mirror_position") == ["5"])
    }

    @Test func deletesReachPostgreSQLAndStoresFanInSideBySide() throws {
        let one = directory.path("one.db")
        let two = directory.path("two.db")
        for db in [one, two] {
            #expect(try lineage(["init"], db: db).status == 0)
            let started = try lineage(["imports", "start", #"{"table_name": "orders", "import_id": "imp-1"}"#], db: db)
            #expect(started.status == 0, "\(started.stderr)")
            #expect(
                try LineageBinary.run(["imports", "rows", "imp-1", "--db", db], stdin: Data("a\nb\n".utf8)).status == 0)
        }
        _ = try mirror(one)
        _ = try mirror(two)
        #expect(try count("import_history") == 2 && count("lineage_import_rows") == 4)
        #expect(try lineage(["imports", "complete", "imp-1", #"{"status": "success"}"#], db: one).status == 0)
        #expect(try lineage(["imports", "rollback", "imp-1"], db: one).status == 0)
        _ = try mirror(one)
        #expect(try count("lineage_import_rows", store: storeID(one)) == 0, "rolled-back rows are deleted")
        #expect(try count("lineage_import_rows", store: storeID(two)) == 2, "the other store's rows stay")
        #expect(
            try cluster.query("SELECT status FROM \(schema).import_history WHERE store_id = '\(storeID(one))'") == [
                "rolled_back"
            ])
    }

    @Test func aFileWithoutAFullFeedIsCopiedWholeFirst() throws {
        let db = directory.path("upgraded.db")
        try FileManager.default.copyItem(
            atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../Fixtures/format-1.9/lineage.db").standardizedFileURL.path,
            toPath: db)
        #expect(try lineage(["jobs", "complete", "crawl-0"], db: db).status == 0, "a writer upgrades it to 1.10")
        let copied = try mirror(db)
        #expect(copied["position"] as? Int == 1)
        #expect(try count("process_jobs") == 4 && count("documents") == 2 && count("stage_dependencies") == 6)
        #expect(try cluster.query("SELECT status FROM \(schema).process_jobs WHERE id = 'crawl-0'") == ["completed"])
        #expect(try mirror(db)["applied"] as? Int == 0)
    }
}
