import Foundation
import TestSupport
import Testing

/// Two stores mirrored into one database answer the seeds' own questions, asked in SQL of the seeds' tables,
/// as the CLI answers them from each store: seed 002's import statistics and table lineage, seed 004's next
/// stage, seed 000's pages by creating run.
@Suite(.enabled(if: PostgresCluster.isAvailable, "needs a PostgreSQL server (make test installs one)"))
struct MirrorSeedQueryTests {
    let bench: MirrorBench
    var schema: String { bench.schema }

    init() throws { bench = try MirrorBench() }

    /// Fills a store with jobs and pages, imports and documents in the stages; `variant` makes two stores differ.
    func fill(_ db: String, variant: Int) throws {
        func run(_ arguments: [String], _ stdin: String? = nil) throws {
            let result = try bench.lineage(arguments, db: db, stdin: stdin)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        try run(["jobs", "start", #"{"id": "j1", "website_id": "w", "process_type": "ingestion"}"#])
        let first = (0..<(2 + variant)).map { #"{"website_id": "w", "url": "https://w/\#($0)"}"# }
        try run(["pages", "record", "j1"], first.joined(separator: "\n"))
        try run(["jobs", "start", #"{"id": "j2", "website_id": "w", "process_type": "sync"}"#])
        try run(["pages", "record", "j2"], #"{"website_id": "w", "url": "https://w/new"}"# + "\n" + first[0])
        try run(["imports", "start", #"{"import_id": "a", "table_name": "orders", "user_id": "alice"}"#])
        try run([
            "imports", "complete", "a",
            #"{"status": "success", "rows_inserted": \#(2 + variant), "duration_seconds": 3.5}"#,
        ])
        try run(["imports", "start", #"{"import_id": "b", "table_name": "orders", "user_id": "bob"}"#])
        try run(["imports", "complete", "b", #"{"status": "failed", "duration_seconds": 1.25, "duplicates_found": 4}"#])
        if variant > 0 {
            try run(["imports", "start", #"{"import_id": "c", "table_name": "customers", "user_id": "alice"}"#])
        }
        try run(["stages", "define", #"{"default_pipeline": true}"#])
        for document in ["d1", "d2"] { try run(["stages", "add-document", #"{"document_id": "\#(document)"}"#]) }
        try run(["stages", "start", "d1", "markdown-conversion"])
        try run(["stages", "complete", "d1", "markdown-conversion"])
        if variant > 0 { try run(["stages", "skip", "d1", "markdown-optimizer"]) }
    }

    @Test func theSeedsQueriesOverTwoMirroredStoresAnswerAsTheCommandLine() throws {
        let stores = [bench.directory.path("one.db"), bench.directory.path("two.db")]
        for (variant, db) in stores.enumerated() {
            try fill(db, variant: variant)
            _ = try bench.mirror(db)
        }
        for db in stores {
            let id = try bench.storeID(db)
            try importStatistics(db, id)
            try tableLineage(db, id)
            for document in ["d1", "d2"] {
                let cli = (try bench.json(["stages", "next", document], db: db) as? [[String: Any]] ?? []).map {
                    $0["stage"] as? String ?? ""
                }
                #expect(try nextStages(document, id) == cli && !cli.isEmpty, "the next stages of \(document): \(cli)")
            }
            for job in ["j1", "j2"] {
                let cli = (try bench.json(["pages", "list", "--created-by", job], db: db) as? [[String: Any]] ?? [])
                    .map { $0["id"] as? String ?? "" }
                let sql = try bench.cluster.query(
                    "SELECT id FROM \(schema).pages WHERE store_id = '\(id)' AND created_by_process_id = '\(job)'")
                #expect(Set(sql) == Set(cli) && !cli.isEmpty, "the pages \(job) created")
            }
        }
    }

    /// Seed 002's `GET /import-statistics` as SQL over `import_history`, against `lineage imports stats`.
    func importStatistics(_ db: String, _ id: String) throws {
        let sql = try bench.cluster.rows(
            """
            SELECT count(*), count(*) FILTER (WHERE status = 'success'), count(*) FILTER (WHERE status = 'failed'),
              coalesce(sum(rows_inserted), 0), coalesce(sum(duplicates_found), 0),
              avg(duration_seconds) FILTER (WHERE completed_at IS NOT NULL), count(DISTINCT table_name),
              count(DISTINCT user_id)
            FROM \(schema).import_history
            WHERE store_id = '\(id)' AND import_timestamp >= (now() AT TIME ZONE 'UTC') - INTERVAL '30 days'
            """
        ).first?.map { $0.flatMap(Double.init) ?? 0 }
        let cli = try bench.json(["imports", "stats"], db: db) as? [String: Any] ?? [:]
        let keys = [
            "total_imports", "successful_imports", "failed_imports", "total_rows_inserted", "total_duplicates_found",
            "avg_duration_seconds", "tables_affected", "unique_users",
        ]
        #expect(sql == keys.map { (cli[$0] as? NSNumber)?.doubleValue ?? -1 }, "\(keys)")
    }

    /// Seed 002's `GET /tables/{table_name}/lineage` as SQL, against `lineage imports lineage`.
    func tableLineage(_ db: String, _ id: String) throws {
        let sql = try bench.cluster.rows(
            "SELECT string_agg(import_id, ',' ORDER BY import_id), count(*), coalesce(sum(rows_inserted), 0) "
                + "FROM \(schema).import_history WHERE store_id = '\(id)' AND table_name = 'orders'")
        let cli = try bench.json(["imports", "lineage", "orders"], db: db) as? [String: Any] ?? [:]
        let imports = (cli["imports"] as? [[String: Any]] ?? []).compactMap { $0["import_id"] as? String }.sorted()
        #expect(
            sql.first
                == [
                    imports.joined(separator: ","), "\(cli["total_imports"] as? Int ?? -1)",
                    "\(cli["total_rows_contributed"] as? Int ?? -1)",
                ])
    }

    /// Seed 004's `getNextAvailableStage` as SQL over `stage_dependencies` and `document_processing_stages`:
    /// the stages, in execution order, that are pending (or failed with retries left) and whose dependencies
    /// are completed, or skipped where the dependency is optional.
    func nextStages(_ document: String, _ id: String) throws -> [String] {
        try bench.cluster.query(
            """
            WITH stages AS (
              SELECT DISTINCT stage_name, execution_order, is_required FROM \(schema).stage_dependencies
              WHERE store_id = '\(id)'),
            state AS (
              SELECT stage_name, status, retry_count FROM \(schema).document_processing_stages
              WHERE store_id = '\(id)' AND document_id = '\(document)')
            SELECT s.stage_name FROM stages s
            LEFT JOIN state ON state.stage_name = s.stage_name
            JOIN \(schema).lineage_stage_definitions d ON d.store_id = '\(id)' AND d.name = s.stage_name
            WHERE (state.status IS NULL OR state.status = 'pending'
                   OR (state.status = 'failed' AND state.retry_count < d.max_retries))
              AND NOT EXISTS (
                SELECT 1 FROM \(schema).stage_dependencies e
                JOIN stages dependency ON dependency.stage_name = e.depends_on_stage
                LEFT JOIN state done ON done.stage_name = e.depends_on_stage
                WHERE e.store_id = '\(id)' AND e.stage_name = s.stage_name
                  AND NOT coalesce(done.status = 'completed'
                      OR (done.status = 'skipped' AND NOT dependency.is_required), false))
            ORDER BY s.execution_order, s.stage_name
            """)
    }
}
