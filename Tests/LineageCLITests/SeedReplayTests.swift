import Foundation
import TestSupport
import Testing

/// The seed documents' own scenarios, replayed as their systems run them — over HTTP against `lineage serve`,
/// in the seeds' JSON names — with every answer the seed promises checked.
@Suite struct SeedReplayTests {
    let directory: TemporaryDirectory
    let server: ServerProcess

    init() throws {
        directory = try TemporaryDirectory()
        server = try ServerProcess(database: directory.path("seeds.db"), in: directory)
    }

    /// An object member of a reply.
    static func object(_ value: Any?) throws -> [String: Any] { try #require(value as? [String: Any]) }

    /// Seed 000: ingestion and sync flows, then its four "Benefits" questions — why a page is in error
    /// (which sync, which batch), what a job changed, which batch created a page, and comparing runs.
    @Test func seed000IngestionSyncAndItsFourQuestions() async throws {
        func pages(_ job: String, _ pages: [[String: Any]]) async throws -> [[String: Any]] {
            let reply = try await server.request("POST", "/api/jobs/\(job)/pages", json: ["pages": pages])
            #expect(reply.status == 200, "\(reply.errorMessage)")
            return try #require(reply.json["pages"] as? [[String: Any]])
        }
        let hash = { (text: String) in String(repeating: text, count: 32).prefix(32).description }
        // Ingestion: create process_job, start a batch scrape, create pages with created_by and the batch.
        _ = try await server.request(
            "POST", "/api/jobs", json: ["id": "ingest-1", "website_id": "w", "process_type": "ingestion"])
        let created = try await pages(
            "ingest-1",
            ["a", "b", "c"].map {
                ["website_id": "w", "url": "https://w/\($0)", "content_hash": hash("1"), "firecrawl_batch_id": "fc-1"]
            })
        #expect(created.map { $0["change"] as? String } == ["created", "created", "created"])
        let page = try Self.object(created[0]["page"])
        #expect(
            page["created_by_process_id"] as? String == "ingest-1" && page["firecrawl_batch_id"] as? String == "fc-1")
        _ = try await server.request("POST", "/api/jobs/ingest-1/complete")
        // Sync: re-scrape changes one page, fails one, keeps one.
        _ = try await server.request(
            "POST", "/api/jobs", json: ["id": "sync-1", "website_id": "w", "process_type": "sync"])
        let synced = try await pages(
            "sync-1",
            [
                ["website_id": "w", "url": "https://w/a", "content_hash": hash("2"), "firecrawl_batch_id": "fc-2"],
                [
                    "website_id": "w", "url": "https://w/b", "status": "error", "error": "HTTP 503",
                    "firecrawl_batch_id": "fc-2",
                ],
                ["website_id": "w", "url": "https://w/c", "content_hash": hash("1"), "firecrawl_batch_id": "fc-2"],
            ])
        #expect(synced.map { $0["change"] as? String } == ["changed", "errored", "unchanged"])
        _ = try await server.request("POST", "/api/jobs/sync-1/complete")
        let job = try Self.object(try await server.request("GET", "/api/jobs/sync-1").json["job"])
        #expect(job["firecrawl_batch_ids"] as? [String] == ["fc-2"])
        #expect(job["urls_updated"] as? Int == 1 && job["urls_errored"] as? Int == 1)

        // 1. Debugging: why is this page in 'error'? last_updated_by_process_id → the sync; firecrawl_batch_id.
        let failedID = try #require(try Self.object(synced[1]["page"])["id"] as? String)
        let trace = try await server.request("GET", "/api/pages/\(failedID)/trace")
        let traced = try Self.object(trace.json["page"])
        #expect(traced["status"] as? String == "error")
        #expect(traced["last_updated_by_process_id"] as? String == "sync-1")
        #expect(traced["firecrawl_batch_id"] as? String == "fc-2")
        // 2. Audit: which pages did the sync change?
        let updated = try await server.request("GET", "/api/pages?updated_by=sync-1")
        let urls = (updated.json["pages"] as? [[String: Any]])?.compactMap { $0["url"] as? String }.sorted()
        #expect(urls == ["https://w/a", "https://w/b"])
        // 3. Lineage: what batch created this page?
        let batch = try await server.request("GET", "/api/pages?firecrawl_batch_id=fc-1")
        #expect((batch.json["pages"] as? [[String: Any]])?.map { $0["url"] as? String } == ["https://w/c"])
        // 4. Compare ingestion runs.
        let compared = try await server.request("GET", "/api/jobs/ingest-1/compare/sync-1")
        #expect(
            (compared.json["changed"] as? [[String: Any]])?.compactMap { $0["url"] as? String } == [
                "https://w/a", "https://w/b",
            ])
        #expect(compared.json["unchanged_count"] as? Int == 1)
    }

    /// Seed 001: the batch lifecycle (status auto-created, trigger, refused second trigger, per-source
    /// results, completion with its statistics, next crawl 24 h after completion) and its troubleshooting
    /// section (a stuck `is_crawling` reset, a schedule created on first access), with the batch history.
    @Test func seed001BatchLifecycleAndTroubleshooting() async throws {
        let first = try await server.request("GET", "/api/crawl/status?user_id=u1")
        #expect(first.status == 200 && first.json["crawl_frequency_hours"] as? Int == 24)
        #expect(first.json["is_crawling"] as? Bool == false && first.json["next_scheduled_crawl_at"] is String)
        for id in ["s1", "s2", "s3", "s4", "s5"] {
            let added = try await server.request(
                "POST", "/api/crawl/sources", json: ["user_id": "u1", "source_id": id, "url": "https://\(id).example"])
            #expect(added.status == 201)
        }
        #expect(
            try await server.request("POST", "/api/crawl/trigger", json: ["user_id": "u1", "owner": "orc"]).status
                == 200)
        let crawling = try await server.request("GET", "/api/crawl/status?user_id=u1")
        #expect(crawling.json["is_crawling"] as? Bool == true, "the button is disabled during a crawl")
        let second = try await server.request("POST", "/api/crawl/trigger", json: ["user_id": "u1", "owner": "other"])
        #expect(second.status == 409 && second.errorMessage.contains("orc"))
        for (id, error) in [("s1", nil), ("s2", nil), ("s3", nil), ("s4", nil), ("s5", "HTTP 500")]
            as [(String, String?)]
        {
            var body: [String: Any] = ["user_id": "u1"]
            body["error"] = error
            #expect(try await server.request("POST", "/api/crawl/sources/\(id)/result", json: body).status == 200)
        }
        let done = try await server.request(
            "POST", "/api/crawl/complete", json: ["user_id": "u1", "owner": "orc", "duration_seconds": 45])
        let schedule = try Self.object(done.json["schedule"])
        #expect(schedule["sources_crawled_count"] as? Int == 4 && schedule["sources_failed_count"] as? Int == 1)
        #expect(schedule["last_crawl_duration_seconds"] as? Double == 45)
        let status = try await server.request("GET", "/api/crawl/status?user_id=u1")
        let last = try #require(status.json["last_batch_crawl_at"] as? String)
        let next = try #require(status.json["next_scheduled_crawl_at"] as? String)
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let gap = try #require(format.date(from: next)).timeIntervalSince(try #require(format.date(from: last)))
        #expect(gap == 24 * 3600, "next crawl 24 h after completion")
        #expect(status.json["total"] as? Int == 5 && status.json["error"] as? Int == 1)

        // Troubleshooting: `is_crawling` stuck as true — released by an operator, and recorded.
        _ = try await server.request("POST", "/api/crawl/trigger", json: ["user_id": "u1", "owner": "crashed"])
        let released = try await server.request(
            "POST", "/api/crawl/release", json: ["user_id": "u1", "released_by": "ops"])
        #expect(released.status == 200, "\(released.errorMessage)")
        #expect(try await server.request("GET", "/api/crawl/status?user_id=u1").json["is_crawling"] as? Bool == false)
        let history = try await server.request("GET", "/api/crawl/history?user_id=u1")
        let batches = try #require(history.json["batches"] as? [[String: Any]])
        #expect(batches.map { $0["outcome"] as? String } == ["released", "completed"])
        #expect(batches[1]["failed_sources"] as? [String] == ["s5"] && batches[1]["duration_seconds"] as? Double == 45)
        // Multiple users have separate schedules.
        #expect(try await server.request("GET", "/api/crawl/status?user_id=u2").json["is_crawling"] as? Bool == false)
        #expect(try await server.request("GET", "/api/crawl/history?user_id=u2").json["batches"] as? [Any] != nil)
    }

    /// Seed 004: the default pipeline with the optional optimizer skipped, a failure and retry, outputs in the
    /// seed's layout and names, a rerun after a fix, and a deletion that cascades.
    @Test func seed004PipelineFailureRetryRerunAndDeletion() async throws {
        #expect(try await server.request("POST", "/api/stages", json: ["default_pipeline": true]).status == 200)
        let added = try await server.request(
            "POST", "/api/documents",
            json: ["document_id": "doc-1", "title": "Handbook", "configuration": ["chunk_size": 800]])
        #expect(added.status == 201)
        func act(_ stage: String, _ action: String, _ body: [String: Any]? = nil) async throws -> Int {
            try await server.request("POST", "/api/documents/doc-1/stages/\(stage)/\(action)", json: body).status
        }
        #expect(try await act("markdown-conversion", "start") == 200)
        #expect(try await act("markdown-conversion", "complete", ["metadata": ["pages": 12]]) == 200)
        let output = try await server.request(
            "POST", "/api/documents/doc-1/stages/markdown-conversion/outputs",
            json: [
                "file_path": "documents/doc-1/stages/markdown-conversion/handbook.md", "file_size": 3,
                "file_type": "markdown", "mime_type": "text/markdown", "checksum": String(repeating: "ab", count: 32),
                "xxh3": String(repeating: "cd", count: 16), "metadata": ["headings": 4],
            ])
        let file = try Self.object(output.json["output"])
        for (name, value) in [
            ("file_path", "documents/doc-1/stages/markdown-conversion/handbook.md"), ("file_type", "markdown"),
            ("stage_name", "markdown-conversion"), ("checksum", String(repeating: "ab", count: 32)),
        ] {
            #expect(file[name] as? String == value, "stage_output_files.\(name)")
        }
        #expect(try await act("markdown-optimizer", "skip") == 200)
        #expect(try await act("chunker", "start") == 200)
        #expect(try await act("chunker", "fail", ["error_message": "chunk too large"]) == 200)
        #expect(try await act("chunker", "start") == 200, "a retry")
        #expect(try await act("chunker", "complete") == 200)
        for stage in ["fact-generator", "ingestor"] {
            #expect(try await act(stage, "start") == 200)
            #expect(try await act(stage, "complete") == 200)
        }
        var overview = try await server.request("GET", "/api/documents/doc-1/stages")
        var workflow = try Self.object(overview.json["workflow"])
        #expect(workflow["current_stage"] as? String == "completed" && workflow["completed_stages"] as? Int == 5)
        #expect(workflow["workflow_type"] as? String == "manual" && workflow["completed_at"] is String)
        let stages = try #require(overview.json["stages"] as? [[String: Any]])
        let chunker = try #require(stages.first { $0["stage_name"] as? String == "chunker" })
        #expect(chunker["retry_count"] as? Int == 1 && chunker["status"] as? String == "completed")
        let outputs = try await server.request("GET", "/api/stages/markdown-conversion/outputs?file_type=markdown")
        #expect((outputs.json["outputs"] as? [Any])?.count == 1, "the seed's idx_stage_files")

        // A fix to the chunker: run it again for this document, and everything after it.
        let rerun = try await server.request("POST", "/api/documents/doc-1/stages/chunker/rerun")
        #expect(
            (rerun.json["reset_stages"] as? [[String: Any]])?.compactMap { $0["stage_name"] as? String } == [
                "chunker", "fact-generator", "ingestor",
            ])
        overview = try await server.request("GET", "/api/documents/doc-1/stages")
        workflow = try Self.object(overview.json["workflow"])
        #expect(workflow["current_stage"] as? String == "chunker" && workflow["completed_at"] is NSNull)
        let history = try await server.request("GET", "/api/documents/doc-1/history")
        let runs = try #require(history.json["history"] as? [[String: Any]])
        #expect(
            runs.compactMap { $0["status"] as? String } == [
                "completed", "skipped", "failed", "completed", "completed", "completed",
            ])
        #expect(runs[2]["error_message"] as? String == "chunk too large")

        // Deleting the document cascades to its stages, outputs, workflow and history.
        let deleted = try await server.request("DELETE", "/api/documents/doc-1")
        let removed = try Self.object(deleted.json["deleted"])
        #expect(removed["stages_removed"] as? Int == 5 && removed["outputs_removed"] as? Int == 1)
        #expect(
            removed["unreferenced_files"] as? [String] == ["documents/doc-1/stages/markdown-conversion/handbook.md"])
        #expect(try await server.request("GET", "/api/documents/doc-1/stages").status == 404)
        #expect(try await server.request("GET", "/api/workflows").json["workflows"] as? [Any] != nil)
        #expect(
            (try await server.request("GET", "/api/stages/markdown-conversion/outputs").json["outputs"] as? [Any])?
                .isEmpty == true)
    }

    /// Seed 003: its accumulation example (`issues` 75 + 50 = 125, `groups` and `projects` kept, the larger
    /// `processedItems`), a retried update counted once, its special statuses turned into timeline events
    /// and job state, and its "stalled progress" debugging steps.
    @Test func seed003AccumulationSpecialStatusesAndStalledProgress() async throws {
        func report(_ update: [String: Any]) async throws -> [String: Any] {
            var update = update
            update["jobId"] = "crawl-7"
            update["reporter"] = "crawler-a"
            let reply = try await server.request("POST", "/api/internal/jobs/progress", json: update)
            #expect(reply.status == 200, "\(reply.errorMessage)")
            return reply.json
        }
        _ = try await report([
            "seq": 1, "timestamp": "2026-12-01T10:00:00Z", "status": "processing", "stage": "discovery",
            "processedItems": 100, "itemsByType": ["groups": 5, "projects": 20, "issues": 75],
        ])
        let accumulated = try await report([
            "seq": 2, "timestamp": "2026-12-01T10:01:00Z", "processedItems": 150, "itemsByType": ["issues": 50],
        ])
        let progress = try Self.object(try Self.object(accumulated["job"])["progress"])
        #expect(progress["processedItems"] as? Int == 150)
        #expect(progress["itemsByType"] as? [String: Int] == ["groups": 5, "projects": 20, "issues": 125])
        let retried = try await report([
            "seq": 2, "timestamp": "2026-12-01T10:01:00Z", "processedItems": 150, "itemsByType": ["issues": 50],
        ])
        #expect(retried["outcome"] as? String == "duplicate", "a network retry is counted once")
        let older = try await report(["seq": 3, "timestamp": "2026-12-01T10:00:30Z", "processedItems": 120])
        #expect(try Self.object(try Self.object(older["job"])["progress"])["processedItems"] as? Int == 150)

        _ = try await report([
            "seq": 4, "timestamp": "2026-12-01T10:02:00Z", "status": "new_areas_discovered",
            "areas": [["type": "group", "path": "acme/platform"]],
        ])
        _ = try await report(["seq": 5, "timestamp": "2026-12-01T10:03:00Z", "status": "credential_expiry"])
        let expired = try await server.request("GET", "/api/jobs/crawl-7")
        #expect(try Self.object(expired.json["job"])["credential_status"] as? String == "expired")
        _ = try await report(["seq": 6, "timestamp": "2026-12-01T10:04:00Z", "status": "credential_resumed"])
        _ = try await report([
            "seq": 7, "timestamp": "2026-12-01T10:05:00Z", "stage": "data_collection",
            "error": ["message": "rate limited", "context": ["retry_after": 30]],
        ])
        let timeline = try await server.request("GET", "/api/jobs/crawl-7/timeline")
        let events = try #require(timeline.json["timeline"] as? [[String: Any]])
        let names = events.compactMap { $0["event"] as? String }
        for expected in ["stage_change", "progress_update", "areas_discovered", "credential_status_change", "error"] {
            #expect(names.contains(expected), "\(expected) in \(names)")
        }
        let areas = try #require(events.first { $0["event"] as? String == "areas_discovered" })
        #expect((areas["details"] as? [[String: String]])?.first?["path"] == "acme/platform")
        let credentials = events.filter { $0["event"] as? String == "credential_status_change" }
        #expect(credentials.compactMap { ($0["details"] as? [String: String])?["to"] } == ["expired", "active"])
        #expect(events.allSatisfy { $0["timestamp"] is String }, "the seed's timeline field names")

        // Stalled progress: 1. the timeline's last update time; 2. the job is listed as stalled.
        let last = try #require(events.compactMap { $0["timestamp"] as? String }.max())
        #expect(last.hasPrefix("2026-12-01T10:05"))
        let stalled = try await server.request("GET", "/api/jobs/stalled?minutes=10")
        #expect((stalled.json["jobs"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["crawl-7"])
        let done = try await report(["seq": 8, "status": "completed"])
        #expect(try Self.object(done["job"])["status"] as? String == "completed")
        let after = try await server.request("GET", "/api/jobs/crawl-7/timeline")
        let final = (after.json["timeline"] as? [[String: Any]])?.suffix(2).compactMap { $0["event"] as? String }
        #expect(final?.contains("completion") == true, "\(final ?? [])")
        #expect(
            (try await server.request("GET", "/api/jobs/stalled?minutes=10").json["jobs"] as? [Any])?.isEmpty == true)
    }

    /// Seed 002: its four API examples (a table's imports, failed imports, performance statistics, a table's
    /// lineage) and its best practices (monitoring failures, slow imports with their phase timings, the
    /// tables a file affected, user attribution), with a rolled-back import kept out of the success rate.
    @Test func seed002FourExamplesAndBestPractices() async throws {
        let hash = String(repeating: "ab", count: 32)
        func run(
            _ id: String, table: String, file: String, status: String, inserted: Int, user: String,
            timings: [String: Double] = [:], error: String? = nil
        ) async throws {
            let started = try await server.request(
                "POST", "/api/imports",
                json: [
                    "import_id": id, "table_name": table, "file_name": file, "file_hash": hash, "user_id": user,
                    "user_email": "\(user)@example.com", "total_rows_in_file": inserted,
                ])
            #expect(started.status == 201, "\(started.errorMessage)")
            var completion: [String: Any] = [
                "status": status, "rows_processed": inserted, "rows_inserted": inserted, "duplicates_found": 2,
            ]
            completion.merge(timings) { $1 }
            completion["error_message"] = error
            let completed = try await server.request("POST", "/api/imports/\(id)/complete", json: completion)
            #expect(completed.status == 200, "\(completed.errorMessage)")
        }
        try await run(
            "imp-1", table: "customers", file: "customers.csv", status: "success", inserted: 100, user: "alice",
            timings: [
                "parsing_time_seconds": 20, "duplicate_check_time_seconds": 10, "insert_time_seconds": 15,
                "duration_seconds": 46,
            ])
        try await run("imp-2", table: "orders", file: "customers.csv", status: "success", inserted: 40, user: "bob")
        try await run(
            "imp-3", table: "customers", file: "broken.csv", status: "failed", inserted: 0, user: "alice",
            error: "column 'amount' has text in row 17")
        try await run("imp-4", table: "customers", file: "again.csv", status: "success", inserted: 7, user: "bob")
        _ = try await server.request("POST", "/api/imports/imp-4/rows", json: ["row_keys": ["x"]])
        #expect(try await server.request("POST", "/api/imports/imp-4/rollback", json: [:]).status == 200)

        // Example 1: every import of the customers table, with its time, file and rows.
        let table = try await server.request("GET", "/import-history?table_name=customers&limit=50")
        let imports = try #require(table.json["imports"] as? [[String: Any]])
        #expect(Set(imports.compactMap { $0["import_id"] as? String }) == ["imp-1", "imp-3", "imp-4"])
        #expect(imports.allSatisfy { $0["import_timestamp"] is String && $0["file_name"] is String })
        // Example 2: failed imports with their error and duplicates.
        let failed = try await server.request("GET", "/import-history?status=failed&limit=100")
        let failure = try #require((failed.json["imports"] as? [[String: Any]])?.first)
        #expect(failure["error_message"] as? String == "column 'amount' has text in row 17")
        #expect(failure["duplicates_found"] as? Int == 2 && failed.json["total_count"] as? Int == 1)
        // Example 3: performance — the success rate counts the rolled-back import out.
        let stats = try await server.request("GET", "/import-statistics?days=30")
        #expect(stats.json["total_imports"] as? Int == 4)
        #expect(stats.json["successful_imports"] as? Int == 2 && stats.json["failed_imports"] as? Int == 1)
        #expect(stats.json["total_rows_inserted"] as? Int == 140, "the rolled-back rows are not counted")
        #expect(stats.json["avg_duration_seconds"] is Double || stats.json["avg_duration_seconds"] is Int)
        #expect(stats.json["tables_affected"] as? Int == 2 && stats.json["unique_users"] as? Int == 2)
        // Example 4: a table's lineage.
        let lineage = try await server.request("GET", "/tables/customers/lineage")
        #expect(lineage.json["table_name"] as? String == "customers")
        #expect(lineage.json["total_rows_contributed"] as? Int == 100)
        #expect(
            (lineage.json["imports"] as? [[String: Any]])?.contains { $0["file_name"] as? String == "customers.csv" }
                == true)

        // Best practice 2: slow imports and where their time went.
        let slow = try await server.request("GET", "/import-history?min_duration_seconds=30")
        let slowest = try #require((slow.json["imports"] as? [[String: Any]])?.first)
        #expect(slowest["import_id"] as? String == "imp-1" && slow.json["total_count"] as? Int == 1)
        #expect(slowest["parsing_time_seconds"] as? Double == 20 && slowest["insert_time_seconds"] as? Double == 15)
        // Best practice 3: the tables a file affected.
        let byFile = try await server.request("GET", "/import-history?file_hash=\(hash)&limit=1000")
        let tables = Set((byFile.json["imports"] as? [[String: Any]] ?? []).compactMap { $0["table_name"] as? String })
        #expect(tables == ["customers", "orders"])
        // Best practice 5: user attribution.
        let alice = try await server.request("GET", "/import-history?user_id=alice")
        #expect(alice.json["total_count"] as? Int == 2)
        #expect(
            (alice.json["imports"] as? [[String: Any]])?.allSatisfy {
                $0["user_email"] as? String == "alice@example.com"
            } == true)
    }
}
