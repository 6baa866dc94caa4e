import Foundation
import TestSupport
import Testing

/// `lineage serve` over real HTTP: every family's endpoints, the seeds' field names, and the error shape.
@Suite struct ServerAPITests {
    let directory: TemporaryDirectory
    let server: ServerProcess

    init() throws {
        directory = try TemporaryDirectory()
        server = try ServerProcess(database: directory.path("api.db"), in: directory)
    }

    @Test func progressUpdatesAreMergedExactlyOnceOverHTTP() async throws {
        let job = try await server.request(
            "POST", "/api/jobs", json: ["website_id": "docs.acme.dev", "process_type": "discovery"])
        #expect(job.status == 201)
        let jobID = try #require((job.json["job"] as? [String: Any])?["id"] as? String)
        let update: [String: Any] = [
            "jobId": jobID, "reporter": "crawler-1", "seq": 1, "processedItems": 10, "itemsByType": ["page": 10],
        ]
        let first = try await server.request("POST", "/api/internal/jobs/progress", json: update)
        #expect(first.status == 200 && first.json["success"] as? Bool == true)
        #expect(first.headers["server"] == "lineage" && first.headers["content-type"] == "application/json")
        #expect(first.headers["date"]?.hasSuffix(" GMT") == true)
        #expect(first.json["outcome"] as? String == "applied")
        let progress = (first.json["job"] as? [String: Any])?["progress"] as? [String: Any]
        #expect(progress?["processedItems"] as? Int == 10)
        let again = try await server.request("POST", "/api/internal/jobs/progress", json: update)
        #expect(again.status == 200 && again.json["outcome"] as? String == "duplicate")

        let lines = [
            #"{"jobId":"\#(jobID)","reporter":"crawler-1","seq":2,"itemsByType":{"page":5}}"#,
            #"{"jobId":"\#(jobID)","seq":"three"}"#,
            "",
            #"{"jobId":"\#(jobID)","reporter":"crawler-1","seq":2,"itemsByType":{"page":5}}"#,
        ]
        let batch = try await server.request(
            "POST", "/api/internal/jobs/progress", body: Data(lines.joined(separator: "\n").utf8),
            contentType: "application/x-ndjson")
        #expect(batch.status == 200)
        let outcomes = batch.json["outcomes"] as? [String: Int]
        #expect(outcomes?["applied"] == 1 && outcomes?["duplicate"] == 1 && outcomes?["invalid"] == 1)
        let invalid = batch.json["invalid"] as? [[String: Any]]
        #expect(invalid?.count == 1 && invalid?.first?["line"] as? Int == 2)
        #expect((invalid?.first?["message"] as? String)?.contains("seq") == true)

        let shown = try await server.request("GET", "/api/jobs/\(jobID)")
        let items = ((shown.json["job"] as? [String: Any])?["progress"] as? [String: Any])?["itemsByType"]
        #expect((items as? [String: Int])?["page"] == 15)
    }

    /// HTTP/1.1 pipelining: updates answered on the event loop and requests answered by the router, sent in
    /// one write, are answered in the order sent, and `Connection: close` closes after its answer.
    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        func update(_ job: String) -> String { #"{"jobId":"\#(job)","reporter":"pipe","seq":1}"# }
        let requests = [
            Self.rawProgress(update("pipe-a")), Self.rawProgress(update("pipe-b")),
            "GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n", Self.rawProgress(update("pipe-x"), token: "wrong"),
            Self.rawProgress(#"{"jobId": 7}"#), Self.rawProgress(update("pipe-c")),
            Self.rawProgress(update("pipe-d"), close: true),
        ]
        let answers = try server.exchange(raw: Array(requests.joined().utf8))
        try Self.expectAnswers(
            answers,
            [
                ("200", #""id":"pipe-a""#), ("200", #""id":"pipe-b""#), ("200", #""status":"ok""#),
                ("401", "invalid_token"), ("400", "jobId"), ("200", #""id":"pipe-c""#), ("200", #""id":"pipe-d""#),
            ], "fixed pipeline")
    }

    /// Property: any mix of updates the event loop answers and requests the router answers (refused,
    /// malformed, NDJSON, reads), pipelined on one connection and cut into pieces at random points, is
    /// answered once each, in the order sent, with the status each deserves.
    @Test func randomPipelinesAreAnsweredInOrder() throws {
        var random = SeededGenerator()
        for round in 0..<20 {
            var requests: [String] = []
            var expected: [(status: String, marker: String)] = []
            for index in 0..<Int.random(in: 1...24, using: &random) {
                let job = "mix-\(round)-\(index)"
                let update = #"{"jobId":"\#(job)","reporter":"mix","seq":1,"processedItems":\#(index)}"#
                switch Int.random(in: 0..<10, using: &random) {
                case 0:
                    requests.append(Self.rawProgress(update, token: "wrong"))
                    expected.append(("401", "invalid_token"))
                case 1:
                    requests.append(Self.rawProgress(#"{"jobId":"\#(job)","seq":"one"}"#))
                    expected.append(("400", "seq"))
                case 2:
                    requests.append(Self.rawProgress(update, contentType: "application/x-ndjson"))
                    expected.append(("200", #""applied":1"#))
                case 3:
                    requests.append("GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n")
                    expected.append(("200", #""status":"ok""#))
                default:
                    requests.append(Self.rawProgress(update))
                    expected.append(("200", #""id":"\#(job)""#))
                }
            }
            requests.append("GET /healthz HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")  // ends the exchange
            expected.append(("200", #""status":"ok""#))
            let bytes = Array(requests.joined().utf8)
            let cuts = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                Int.random(in: 1..<bytes.count, using: &random)
            }
            let answers = try server.exchange(raw: bytes, cuts: cuts)
            try Self.expectAnswers(answers, expected, "seed \(random.seed), round \(round)")
        }
    }

    /// A raw HTTP/1.1 progress POST of `body`.
    static func rawProgress(
        _ body: String, token: String = ServerProcess.token, contentType: String = "application/json",
        close: Bool = false
    ) -> String {
        "POST /api/internal/jobs/progress HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: \(contentType)\r\nContent-Length: \(body.utf8.count)\r\n"
            + (close ? "Connection: close\r\n" : "") + "\r\n" + body
    }

    /// Requires `answers` to hold exactly the `expected` statuses, in order, and each answer's marker after
    /// the previous one's.
    static func expectAnswers(_ answers: String, _ expected: [(status: String, marker: String)], _ context: String)
        throws
    {
        let statuses = answers.split(separator: "HTTP/1.1 ").map { String($0.prefix(3)) }
        try #require(statuses == expected.map(\.status), "\(context): \(answers)")
        var position = answers.startIndex
        for (number, answer) in expected.enumerated() {
            let found = try #require(
                answers.range(of: answer.marker, range: position..<answers.endIndex),
                "\(context): answer \(number + 1) (\(answer.marker)) is missing or out of order")
            position = found.upperBound
        }
    }

    /// Seed 003's debugging story: a stalled job is found, and its timeline shows the store's own events.
    @Test func stalledJobsAndTheStoresOwnTimelineEvents() async throws {
        let old: [String: Any] = [
            "jobId": "old-crawl", "reporter": "crawler-2", "seq": 1, "timestamp": "2025-01-06T19:15:30Z",
            "status": "processing", "stage": "discovery", "resumeState": ["cursor": "g-4"],
        ]
        #expect(try await server.request("POST", "/api/internal/jobs/progress", json: old).status == 200)
        let fresh: [String: Any] = ["jobId": "fresh-crawl", "reporter": "crawler-3", "seq": 1, "status": "started"]
        #expect(try await server.request("POST", "/api/internal/jobs/progress", json: fresh).status == 200)
        let stalled = try await server.request("GET", "/api/jobs/stalled?minutes=5")
        let ids = (stalled.json["jobs"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids?.contains("old-crawl") == true && ids?.contains("fresh-crawl") == false)
        let badMinutes = try await server.request("GET", "/api/jobs/stalled?minutes=0")
        #expect(badMinutes.status == 400)
        let timeline = try await server.request("GET", "/api/jobs/old-crawl/timeline")
        let events = (timeline.json["timeline"] as? [[String: Any]])?.compactMap { $0["event"] as? String }
        #expect(events == ["stage_change", "progress_update"])
        let job = try await server.request("GET", "/api/jobs/old-crawl")
        #expect((job.json["job"] as? [String: Any])?["resume_state"] as? [String: String] == ["cursor": "g-4"])
    }

    @Test func idsLongerThanAnyStoredKeyAreNotFoundNotServerErrors() async throws {
        let long = String(repeating: "x", count: 700)
        for path in [
            "/import-history/\(long)", "/api/jobs/\(long)", "/api/pages/\(long)", "/api/documents/\(long)/stages",
        ] {
            let reply = try await server.request("GET", path)
            #expect(reply.status == 404 && reply.errorCode == "not_found", "\(path.prefix(30))")
        }
        for path in ["/api/pages?created_by=\(long)", "/import-history?table_name=\(long)", "/tables/\(long)/lineage"] {
            #expect(try await server.request("GET", path).status == 200, "\(path.prefix(30))")
        }
    }

    @Test func badProgressIsRefusedNamingTheField() async throws {
        let malformed = try await server.request(
            "POST", "/api/internal/jobs/progress", json: ["jobId": "j", "processedItems": "many"])
        #expect(malformed.status == 400 && malformed.errorCode == "invalid_input")
        #expect(malformed.errorMessage.contains("processedItems"))
        let notJSON = try await server.request(
            "POST", "/api/internal/jobs/progress", body: Data("{".utf8), contentType: "application/json")
        #expect(notJSON.status == 400 && notJSON.json["success"] as? Bool == false)
    }

    @Test func jobsAndPagesTellWhichRunAndBatchTouchedAPage() async throws {
        let started = try await server.request(
            "POST", "/api/jobs", json: ["website_id": "w", "process_type": "sync", "metadata": ["trigger": "cron"]])
        let jobID = try #require((started.json["job"] as? [String: Any])?["id"] as? String)
        let pages = try await server.request(
            "POST", "/api/jobs/\(jobID)/pages",
            json: [
                "pages": [
                    ["website_id": "w", "url": "https://w/a", "firecrawl_batch_id": "fc-1"],
                    ["website_id": "w", "url": "https://w/b", "status": "error", "error": "timeout"],
                ]
            ])
        #expect(pages.status == 200)
        let changes = try #require(pages.json["pages"] as? [[String: Any]])
        #expect(changes.map { $0["change"] as? String } == ["created", "errored"])
        let pageID = try #require((changes[0]["page"] as? [String: Any])?["id"] as? String)
        #expect(((pages.json["job"] as? [String: Any])?["urls_discovered"] as? Int) == 1)

        let page = try await server.request("GET", "/api/pages/\(pageID)")
        #expect((page.json["page"] as? [String: Any])?["created_by_process_id"] as? String == jobID)
        let trace = try await server.request("GET", "/api/pages/\(pageID)/trace")
        #expect(trace.status == 200 && trace.json["history"] is [Any])
        let asOf = try await server.request("GET", "/api/pages/\(pageID)/trace?as_of_job=\(jobID)")
        #expect(asOf.status == 200 && asOf.json["state"] is [String: Any])
        let created = try await server.request("GET", "/api/pages?created_by=\(jobID)")
        #expect((created.json["pages"] as? [Any])?.count == 2)
        let ambiguous = try await server.request("GET", "/api/pages?created_by=\(jobID)&batch=fc-1")
        #expect(ambiguous.status == 400 && ambiguous.errorMessage.contains("exactly one"))

        let listed = try await server.request("GET", "/api/jobs?process_type=sync&limit=10")
        #expect((listed.json["jobs"] as? [Any])?.count == 1)
        let completed = try await server.request("POST", "/api/jobs/\(jobID)/complete")
        #expect((completed.json["job"] as? [String: Any])?["status"] as? String == "completed")
        let timeline = try await server.request("GET", "/api/jobs/\(jobID)/timeline")
        #expect(timeline.status == 200 && timeline.json["timeline"] is [Any])

        let missing = try await server.request("GET", "/api/jobs/no-such-job")
        #expect(
            missing.status == 404 && missing.errorCode == "not_found" && missing.errorMessage.contains("no-such-job"))
        let unknownRoute = try await server.request("GET", "/api/nothing-here")
        #expect(unknownRoute.status == 404 && unknownRoute.errorCode == "no_route")
        let badStart = try await server.request("POST", "/api/jobs", json: ["process_type": "sync"])
        #expect(badStart.status == 400 && badStart.errorMessage.contains("website_id"))
    }

    @Test func crawlStatusAnswersInTheSeedsShapeAndLeasesConflict() async throws {
        let status = try await server.request("GET", "/api/crawl/status?user_id=u1")
        #expect(status.status == 200)
        for field in [
            "sources", "total", "active", "error", "last_batch_crawl_at", "next_scheduled_crawl_at", "is_crawling",
            "last_crawl_duration_seconds", "sources_crawled_count", "sources_failed_count",
        ] {
            #expect(status.json.keys.contains(field), "crawl status lacks \(field)")
        }
        #expect(status.json["is_crawling"] as? Bool == false)

        let taken = try await server.request("POST", "/api/crawl/trigger", json: ["user_id": "u1", "owner": "host-a"])
        #expect(taken.status == 200)
        let refused = try await server.request(
            "POST", "/api/crawl/trigger", json: ["user_id": "u1", "owner": "host-b"])
        #expect(refused.status == 409 && refused.errorMessage.contains("host-a"))
        let crawling = try await server.request("GET", "/api/crawl/status?user_id=u1")
        #expect(crawling.json["is_crawling"] as? Bool == true)
        let done = try await server.request(
            "POST", "/api/crawl/complete",
            json: [
                "user_id": "u1", "owner": "host-a", "sources_crawled_count": 4, "sources_failed_count": 1,
                "duration_seconds": 45,
            ])
        #expect(done.status == 200)
        let history = try await server.request("GET", "/api/crawl/history?user_id=u1")
        let batches = try #require(history.json["batches"] as? [[String: Any]])
        #expect(batches.map { $0["outcome"] as? String } == ["completed"])
        #expect(batches.first?["duration_seconds"] as? Double == 45 && batches.first?["owner"] as? String == "host-a")
        let after = try await server.request("GET", "/api/crawl/status?user_id=u1")
        #expect(after.json["sources_crawled_count"] as? Int == 4 && after.json["is_crawling"] as? Bool == false)
        let due = try await server.request("GET", "/api/crawl/due")
        #expect(due.status == 200 && due.json["schedules"] is [Any])
        let noUser = try await server.request("GET", "/api/crawl/status")
        #expect(noUser.status == 400 && noUser.errorMessage.contains("user_id"))
    }

    @Test func importHistoryAnswersAtTheSeedsPathsInTheSeedsNames() async throws {
        let started = try await server.request(
            "POST", "/api/imports",
            json: [
                "import_id": "imp-1", "table_name": "customers", "file_name": "customers.csv",
                "file_size_bytes": 1_048_576, "total_rows_in_file": 3, "user_id": "user123",
            ])
        #expect(started.status == 201)
        let rows = try await server.request("POST", "/api/imports/imp-1/rows", json: ["row_keys": ["1", "2", "3"]])
        #expect(rows.status == 200)
        let completed = try await server.request(
            "POST", "/api/imports/imp-1/complete",
            json: ["status": "success", "rows_processed": 3, "rows_inserted": 3, "parsing_time_seconds": 0.5])
        #expect(completed.status == 200)

        let history = try await server.request("GET", "/import-history?table_name=customers")
        #expect(history.json["total_count"] as? Int == 1)
        #expect(history.json["limit"] as? Int == 100 && history.json["offset"] as? Int == 0)
        let detail = try await server.request("GET", "/import-history/imp-1")
        let record = try #require(detail.json["import_record"] as? [String: Any])
        for field in [
            "import_id", "import_timestamp", "file_size_bytes", "total_rows_in_file", "rows_processed",
            "rows_inserted", "rows_skipped", "parsing_time_seconds", "duplicate_check_time_seconds",
            "insert_time_seconds",
        ] {
            #expect(record.keys.contains(field), "import_record lacks \(field)")
        }
        #expect(record["rows_inserted"] as? Int == 3)
        let statistics = try await server.request("GET", "/import-statistics?days=7")
        for field in [
            "total_imports", "successful_imports", "failed_imports", "total_rows_inserted", "total_duplicates_found",
            "avg_duration_seconds", "tables_affected", "unique_users", "period_days",
        ] {
            #expect(statistics.json.keys.contains(field), "import statistics lack \(field)")
        }
        #expect(statistics.json["unique_users"] as? Int == 1 && statistics.json["period_days"] as? Int == 7)
        let lineage = try await server.request("GET", "/tables/customers/lineage")
        #expect(lineage.json["total_imports"] as? Int == 1 && lineage.json["total_rows_contributed"] as? Int == 3)
        let plan = try await server.request("POST", "/api/imports/imp-1/rollback", json: ["dry_run": true])
        #expect((plan.json["deletions"] as? [Any])?.count == 3)
        let missing = try await server.request("GET", "/import-history/nope")
        #expect(missing.status == 404)
        let badLimit = try await server.request("GET", "/import-history?limit=0")
        #expect(badLimit.status == 400 && badLimit.errorMessage.contains("limit"))
        let slow = try await server.request("GET", "/import-history?min_duration_seconds=3600")
        #expect(slow.status == 200 && slow.json["total_count"] as? Int == 0)
        let badStatus = try await server.request("GET", "/import-history?status=done-ish")
        #expect(badStatus.status == 400 && badStatus.errorMessage.contains("status"), "statuses are a closed set")
    }

    @Test func documentsMoveThroughTheStageGraph() async throws {
        let undefined = try await server.request("POST", "/api/documents", json: ["document_id": "doc-0"])
        #expect(undefined.status == 409 && undefined.errorMessage.contains("stages"))
        let cyclic = try await server.request(
            "POST", "/api/stages",
            json: ["stages": [["name": "a", "depends_on": ["b"]], ["name": "b", "depends_on": ["a"]]]])
        #expect(cyclic.status == 400 && cyclic.errorMessage.contains("cycle"))
        let defined = try await server.request("POST", "/api/stages", json: ["default_pipeline": true])
        #expect(defined.status == 200)
        let added = try await server.request("POST", "/api/documents", json: ["document_id": "doc-1", "title": "A"])
        #expect(added.status == 201)
        let graph = try await server.request("GET", "/api/stages/graph")
        let stages = try #require(graph.json["stages"] as? [[String: Any]])
        let first = try #require(stages.first?["name"] as? String)
        let next = try await server.request("GET", "/api/documents/doc-1/next")
        #expect((next.json["runnable_stages"] as? [String])?.contains(first) == true)
        let waiting = try await server.request("GET", "/api/stages/\(first)/waiting")
        #expect((waiting.json["documents"] as? [Any])?.count == 1)
        #expect(try await server.request("POST", "/api/documents/doc-1/stages/\(first)/start").status == 200)
        let output = try await server.request(
            "POST", "/api/documents/doc-1/stages/\(first)/outputs",
            json: [
                "path": "doc-1/out.md", "mime_type": "text/markdown", "size": 3,
                "sha256": String(repeating: "ab", count: 32), "xxh3": String(repeating: "cd", count: 16),
            ])
        #expect(output.status == 201)
        let escaping = try await server.request(
            "POST", "/api/documents/doc-1/stages/\(first)/outputs",
            json: [
                "path": "../etc/passwd", "size": 3, "sha256": String(repeating: "ab", count: 32),
                "xxh3": String(repeating: "cd", count: 16),
            ])
        #expect(escaping.status == 400)
        #expect(try await server.request("POST", "/api/documents/doc-1/stages/\(first)/complete").status == 200)
        let overview = try await server.request("GET", "/api/documents/doc-1/stages")
        #expect(overview.status == 200 && (overview.json["outputs"] as? [Any])?.count == 1)
        let dot = try await server.request("GET", "/api/stages/graph?format=dot")
        #expect(String(decoding: dot.body, as: UTF8.self).hasPrefix("digraph"))
        let unknownAction = try await server.request("POST", "/api/documents/doc-1/stages/\(first)/explode")
        #expect(unknownAction.status == 404)

        let outputs = try await server.request("GET", "/api/stages/\(first)/outputs")
        let listed = try #require(outputs.json["outputs"] as? [[String: Any]])
        #expect(listed.map { $0["file_path"] as? String } == ["doc-1/out.md"])
        #expect(try await server.request("POST", "/api/documents/doc-1/stages/markdown-optimizer/skip").status == 200)
        let started = try await server.request(
            "POST", "/api/documents/doc-1/stages/chunker/start", json: ["metadata": ["model": "v2"]])
        #expect((started.json["stage"] as? [String: Any])?["metadata"] as? [String: String] == ["model": "v2"])
        let failed = try await server.request(
            "POST", "/api/documents/doc-1/stages/chunker/fail", json: ["error_message": "bad split"])
        #expect((failed.json["stage"] as? [String: Any])?["error_message"] as? String == "bad split")
        let rerun = try await server.request("POST", "/api/documents/doc-1/stages/\(first)/rerun")
        let reset = try #require(rerun.json["reset_stages"] as? [[String: Any]])
        #expect(reset.map { $0["stage_name"] as? String } == [first, "markdown-optimizer", "chunker"])
        let history = try await server.request("GET", "/api/documents/doc-1/history")
        let runs = try #require(history.json["history"] as? [[String: Any]])
        #expect(runs.map { $0["status"] as? String } == ["completed", "skipped", "failed"])
        #expect(try await server.request("GET", "/api/documents/doc-9/history").status == 404)
        let workflows = try await server.request("GET", "/api/workflows?current_stage=\(first)&workflow_type=manual")
        #expect((workflows.json["workflows"] as? [[String: Any]])?.map { $0["document_id"] as? String } == ["doc-1"])
        let deleted = try await server.request("DELETE", "/api/documents/doc-1")
        let removed = try #require(deleted.json["deleted"] as? [String: Any])
        #expect(
            removed["unreferenced_files"] as? [String] == ["doc-1/out.md"] && removed["stages_removed"] as? Int == 5)
        #expect(try await server.request("DELETE", "/api/documents/doc-1").status == 404)
        #expect(try await server.request("GET", "/api/documents/doc-1/stages").status == 404)
    }

    /// Item types equal as Unicode text but spelled differently (`"caf\u{E9}"`, `"cafe\u{301}"`) are two
    /// entries in every answer — the progress reply, `GET /api/jobs/{id}`, the CLI's JSON and OpenLineage —
    /// as they are two keys in the store.
    @Test func answersKeepItemTypesEqualAsUnicodeTextApart() async throws {
        let (composed, decomposed) = ("caf\u{E9}", "cafe\u{301}")
        let update = #"{"jobId":"j","reporter":"r","seq":1,"itemsByType":{"\#(composed)":1,"\#(decomposed)":2}}"#
        let expected = Array(#""itemsByType":{"\#(decomposed)":2,"\#(composed)":1}"#.utf8)
        let reply = try await server.request(
            "POST", "/api/internal/jobs/progress", body: Data(update.utf8), contentType: "application/json")
        #expect(reply.status == 200)
        #expect(Array(reply.body).contains(expected), "\(String(decoding: reply.body, as: UTF8.self))")
        let shown = try await server.request("GET", "/api/jobs/j")
        #expect(Array(shown.body).contains(expected), "\(String(decoding: shown.body, as: UTF8.self))")

        let db = ["--db", server.databasePath]
        for format in ["json", "jsonl"] {
            let listed = try LineageBinary.run(["jobs", "list", "--format", format] + db)
            let compact = listed.stdout.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
            #expect(Array(compact.utf8).contains(expected), "\(listed.stdout)")
        }
        let lineage = try LineageBinary.run(["export", "--format", "openlineage"] + db)
        #expect(Array(lineage.stdout.utf8).contains(expected), "\(lineage.stdout)")
    }

    /// A document in a request (`metadata`) is stored as received: members whose keys are equal as Unicode
    /// text but spelled differently are all kept, though `JSONDecoder` reads the request.
    @Test func documentsReceivedOverHTTPKeepEveryMember() async throws {
        let (composed, decomposed) = ("caf\u{E9}", "cafe\u{301}")
        let body = #"{"website_id":"w","process_type":"discovery","metadata":{"\#(composed)":1,"\#(decomposed)":2}}"#
        let started = try await server.request(
            "POST", "/api/jobs", body: Data(body.utf8), contentType: "application/json")
        #expect(started.status == 201, "\(String(decoding: started.body, as: UTF8.self))")
        let id = try #require((started.json["job"] as? [String: Any])?["id"] as? String)
        let shown = try await server.request("GET", "/api/jobs/\(id)")
        let expected = Array(#""metadata":{"\#(decomposed)":2,"\#(composed)":1}"#.utf8)
        #expect(Array(shown.body).contains(expected), "\(String(decoding: shown.body, as: UTF8.self))")
    }

    /// The change feed over HTTP: a reader in another language follows it and keeps its position in the store.
    @Test func theChangeFeedAndItsConsumersOverHTTP() async throws {
        let registered = try await server.request(
            "POST", "/api/changes/consumers", json: ["name": "mirror", "position": 0])
        #expect(registered.status == 201)
        let started = try await server.request(
            "POST", "/api/jobs", json: ["id": "j1", "website_id": "w", "process_type": "sync"])
        #expect(started.status == 201)
        let feed = try await server.request("GET", "/api/changes?since=0")
        let changes = try #require(feed.json["changes"] as? [[String: Any]])
        #expect(feed.json["last_sequence"] as? Int == 1)
        #expect(changes.first?["kind"] as? String == "job" && changes.first?["key"] as? [String] == ["j1"])
        #expect((changes.first?["record"] as? [String: Any])?["website_id"] as? String == "w")
        let moved = try await server.request("POST", "/api/changes/consumers/mirror", json: ["position": 1])
        #expect((moved.json["consumer"] as? [String: Any])?["position"] as? Int == 1)
        let server = server
        async let waited = server.request("GET", "/api/changes?since=1&wait=10")
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await server.request("POST", "/api/crawl/schedule", json: ["user_id": "u1"]).status == 200)
        let woken = try await waited
        #expect((woken.json["changes"] as? [[String: Any]])?.first?["kind"] as? String == "schedule")
        let beyond = try await server.request("GET", "/api/changes?since=5")
        #expect(beyond.status == 400 && beyond.errorMessage.contains("beyond"))
        let pruned = try await server.request("POST", "/api/changes/prune", json: ["through": 1, "force": true])
        #expect(pruned.status == 200)
        let removed = try await server.request("DELETE", "/api/changes/consumers/mirror")
        #expect(removed.status == 200)
        let listed = try await server.request("GET", "/api/changes/consumers")
        #expect((listed.json["consumers"] as? [Any])?.isEmpty == true)
    }
}
