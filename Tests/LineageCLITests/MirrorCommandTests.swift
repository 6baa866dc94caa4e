import Foundation
import TestSupport
import Testing

/// `lineage mirror` against a real PostgreSQL server: the seeds' tables hold what the store holds, exactly
/// once, for several stores at a time.
@Suite(.enabled(if: PostgresCluster.isAvailable, "needs a PostgreSQL server (make test installs one)"))
struct MirrorCommandTests {
    let bench: MirrorBench
    var directory: TemporaryDirectory { bench.directory }
    var cluster: PostgresCluster { bench.cluster }
    var schema: String { bench.schema }

    init() throws { bench = try MirrorBench() }

    @Test func theSeedsTablesHoldWhatTheStoreHoldsAndASecondRunAppliesNothing() throws {
        let db = directory.path("a.db")
        #expect(try bench.lineage(["init"], db: db).status == 0)
        let job = #"{"id": "j1", "website_id": "w", "process_type": "sync"}"#
        #expect(try bench.lineage(["jobs", "start", job], db: db).status == 0)
        let pages = #"{"website_id": "w", "url": "https://w/a", "firecrawl_batch_id": "fc-1"}"#
        #expect(try bench.lineage(["pages", "record", "j1"], db: db, stdin: pages).status == 0)
        let progress = #"{"jobId": "j1", "reporter": "r", "seq": 1, "processedItems": 7, "itemsByType": {"issues": 7}}"#
        #expect(try bench.lineage(["ingest"], db: db, stdin: progress).status == 0)
        #expect(try bench.lineage(["jobs", "complete", "j1"], db: db).status == 0)
        #expect(try bench.lineage(["schedules", "trigger", "alice", "--owner", "host-a"], db: db).status == 0)
        let first = try bench.mirror(db)
        let position = first["position"] as? Int ?? 0
        #expect(position > 5 && first["applied"] as? Int == position)
        let id = try bench.storeID(db)
        #expect(
            try cluster.query(
                "SELECT id, status, urls_discovered, firecrawl_batch_ids[1], errors FROM \(schema).process_jobs")
                == ["j1|completed|1|fc-1|"])
        #expect(
            try cluster.query("SELECT created_by_process_id, firecrawl_batch_id, store_id FROM \(schema).pages")
                == ["j1|fc-1|\(id)"])
        #expect(
            try cluster.query(
                "SELECT status, progress->>'processedItems', progress->'itemsByType'->>'issues', "
                    + "jsonb_array_length(progress->'timeline') > 0 FROM \(schema).job") == ["completed|7|7|t"])
        #expect(
            try cluster.query("SELECT id, user_id, is_crawling, lease_owner FROM \(schema).user_crawl_schedule")
                == ["alice|alice|t|host-a"], "is_crawling is the lease")
        #expect(try bench.count("lineage_page_versions") == 1)
        let consumers = try bench.json(["changes", "consumers"], db: db) as? [[String: Any]] ?? []
        #expect(consumers.map { $0["position"] as? Int } == [position], "the store keeps what the mirror has not read")
        let again = try bench.mirror(db)
        #expect(again["applied"] as? Int == 0 && again["position"] as? Int == position, "nothing is applied twice")
        #expect(try cluster.query("SELECT position FROM \(schema).lineage_mirror_position") == ["\(position)"])
        #expect(try bench.lineage(["schedules", "release", "alice", "--owner", "host-a"], db: db).status == 0)
        _ = try bench.mirror(db)
        #expect(try cluster.query("SELECT is_crawling FROM \(schema).user_crawl_schedule") == ["f"])
    }

    @Test func deletesReachPostgreSQLAndStoresFanInSideBySide() throws {
        let one = directory.path("one.db")
        let two = directory.path("two.db")
        for db in [one, two] {
            #expect(try bench.lineage(["init"], db: db).status == 0)
            let started = try bench.lineage(
                ["imports", "start", #"{"table_name": "orders", "import_id": "imp-1"}"#], db: db)
            #expect(started.status == 0, "\(started.stderr)")
            #expect(
                try LineageBinary.run(["imports", "rows", "imp-1", "--db", db], stdin: Data("a\nb\n".utf8)).status == 0)
        }
        _ = try bench.mirror(one)
        _ = try bench.mirror(two)
        #expect(try bench.count("import_history") == 2 && bench.count("lineage_import_rows") == 4)
        #expect(try bench.lineage(["imports", "complete", "imp-1", #"{"status": "success"}"#], db: one).status == 0)
        #expect(try bench.lineage(["imports", "rollback", "imp-1"], db: one).status == 0)
        _ = try bench.mirror(one)
        #expect(try bench.count("lineage_import_rows", store: bench.storeID(one)) == 0, "rolled-back rows are deleted")
        #expect(try bench.count("lineage_import_rows", store: bench.storeID(two)) == 2, "the other store's rows stay")
        #expect(
            try cluster.query("SELECT status FROM \(schema).import_history WHERE store_id = '\(bench.storeID(one))'")
                == [
                    "rolled_back"
                ])
    }

    @Test func aFileWithoutAFullFeedIsCopiedWholeFirst() throws {
        let db = directory.path("upgraded.db")
        try FileManager.default.copyItem(
            atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../Fixtures/format-1.9/lineage.db").standardizedFileURL.path,
            toPath: db)
        #expect(try bench.lineage(["jobs", "complete", "crawl-0"], db: db).status == 0, "a writer upgrades it to 1.10")
        let copied = try bench.mirror(db)
        #expect(copied["position"] as? Int == 1)
        #expect(
            try bench.count("process_jobs") == 4 && bench.count("documents") == 2
                && bench.count("stage_dependencies") == 6)
        #expect(try cluster.query("SELECT status FROM \(schema).process_jobs WHERE id = 'crawl-0'") == ["completed"])
        #expect(try bench.mirror(db)["applied"] as? Int == 0)
    }
}
