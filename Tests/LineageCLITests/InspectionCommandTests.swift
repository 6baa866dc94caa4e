import Foundation
import LMDB
import LineageFormat
import LineageStore
import TestSupport
import Testing

/// Runs every inspection command of the built `lineage` against a database written through the library.
@Suite struct InspectionCommandTests {
    /// A database with a job and its pages, a schedule, imports with rows, and a document in the stage DAG.
    static func fixture() throws -> (TemporaryDirectory, String, pageID: String, importID: String) {
        let directory = try TemporaryDirectory()
        let path = directory.path("fixture.db")
        var options = StoreOptions()
        options.durability = .unsafeFast
        let store = try LineageStore.open(at: path, options: options)
        defer { store.close() }
        try store.startJob(id: "ingest-1", websiteID: "docs", processType: .ingestion)
        let page = try store.recordPage(
            PageObservation(
                websiteID: "docs", url: "https://docs.example/a", contentHash: XXH3.hash128("a"), batchID: "b1"),
            by: "ingest-1"
        ).page
        try store.recordPage(
            PageObservation(websiteID: "docs", url: "https://docs.example/b", status: .error, error: "503"),
            by: "ingest-1")
        try store.completeJob("ingest-1")
        try store.startJob(id: "sync-1", websiteID: "docs", processType: .sync)
        try store.recordPage(
            PageObservation(
                websiteID: "docs", url: "https://docs.example/a", contentHash: XXH3.hash128("a2"), batchID: "b2"),
            by: "sync-1")
        _ = try store.ingest([
            ProgressUpdate(
                jobID: "sync-1", reporter: "c", seq: 1, processedItems: 40, totalItems: 100, itemsByType: ["pages": 40])
        ])
        try store.startBatchCrawl(userID: "u1", owner: "crawler-a", lease: Timestamp.hour)
        try store.setSource(userID: "u1", id: "s1", name: "Docs", url: "https://docs.example")
        var start = ImportStart(tableName: "customers")
        start.fileName = "customers.csv"
        start.fileHash = String(repeating: "ab", count: 32)
        let imported = try store.startImport(start)
        try store.recordImportRows(imported.id, rowKeys: ["1", "2"])
        var done = ImportCompletion(status: .success)
        done.insertedRows = 2
        try store.completeImport(imported.id, done)
        try store.startImport(start)
        try store.installDefaultPipeline()
        try store.addDocument(id: "doc-1", title: "Handbook")
        try store.startStage(documentID: "doc-1", stage: "markdown-conversion")
        try store.failStage(documentID: "doc-1", stage: "markdown-conversion", error: "OCR crashed")
        return (directory, path, page.id, imported.id)
    }

    static func json(_ result: ProcessResult) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: .fragmentsAllowed)
    }

    @Test func stalledJobsAreListedAndTheStatusScreenShowsThem() throws {
        let directory = try TemporaryDirectory()
        let db = ["--db", directory.path("stalled.db")]
        let lines = [
            #"{"jobId":"quiet","reporter":"r","seq":1,"timestamp":"2025-01-06T19:15:30Z","status":"processing"}"#,
            #"{"jobId":"quiet","reporter":"r","seq":2,"timestamp":"2025-01-06T19:17:30Z","processedItems":4}"#,
            #"{"jobId":"lively","reporter":"r","seq":1,"status":"processing"}"#,
        ]
        let input = try directory.write("updates.jsonl", Array(lines.joined(separator: "\n").utf8))
        #expect(try LineageBinary.run(["ingest", input] + db).status == 0)
        let stalled = try Self.json(try LineageBinary.run(["jobs", "stalled", "--for", "5m", "--format", "json"] + db))
        #expect((stalled as? [[String: Any]])?.map { $0["id"] as? String } == ["quiet"])
        let status = try LineageBinary.run(["status", "--stalled-after", "5m"] + db)
        #expect(status.stdout.contains("Jobs stalled: running, no update for 5 min (1)"), "\(status.stdout)")
        let show = try LineageBinary.run(["jobs", "show", "quiet"] + db)
        #expect(show.stdout.contains("2 updates, 1.0/min"), "\(show.stdout)")
        #expect(try LineageBinary.run(["jobs", "stalled", "--for", "soon"] + db).status == 64)
    }

    /// Seed 003's live view: `jobs show --watch` draws again when another process commits, and stops after
    /// `--frames`; `status --watch` draws while nothing changes only once.
    @Test func watchRedrawsWhenTheStoreChanges() throws {
        let directory = try TemporaryDirectory()
        let db = ["--db", directory.path("watched.db")]
        func update(_ seq: Int) throws -> Int32 {
            let line = #"{"jobId":"live","reporter":"r","seq":\#(seq),"processedItems":\#(seq * 10)}"#
            return try LineageBinary.run(["ingest", "-"] + db, stdin: Data(line.utf8)).status
        }
        #expect(try update(1) == 0)
        let watcher = Process()
        watcher.executableURL = LineageBinary.url
        watcher.arguments = ["jobs", "show", "live", "--watch", "--frames", "2", "--format", "jsonl"] + db
        let pipe = Pipe()
        watcher.standardOutput = pipe
        try watcher.run()
        Thread.sleep(forTimeInterval: 1.5)
        #expect(watcher.isRunning, "one frame drawn, waiting for a change")
        #expect(try update(2) == 0)
        watcher.waitUntilExit()
        #expect(watcher.terminationStatus == 0)
        let frames = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").filter { !$0.isEmpty }
        let processed = try frames.map {
            ((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["progress"] as? [String: Any])?[
                "processedItems"] as? Int
        }
        #expect(processed == [10, 20], "\(frames)")

        let status = try LineageBinary.run(["status", "--watch", "--frames", "1"] + db)
        #expect(status.status == 0 && status.stdout.contains("LineageStore status"))
        #expect(try LineageBinary.run(["status", "--watch", "--frames", "0"] + db).status == 64)
    }

    @Test func queryCommandsPrintTablesAndParseableJSON() throws {
        let (directory, path, pageID, importID) = try Self.fixture()
        _ = directory
        let db = ["--db", path]
        let jobs = try LineageBinary.run(["jobs", "list", "--format", "json"] + db)
        #expect(jobs.status == 0, "\(jobs.stderr)")
        let jobList = try Self.json(jobs) as! [[String: Any]]
        #expect(jobList.map { $0["id"] as! String } == ["sync-1", "ingest-1"])
        let show =
            try Self.json(try LineageBinary.run(["jobs", "show", "sync-1", "--format", "json"] + db)) as! [String: Any]
        let progress = show["progress"] as! [String: Any]
        #expect(progress["processedItems"] as? Int == 40 && progress["itemsByType"] as? [String: Int] == ["pages": 40])
        #expect(show["urls_updated"] as? Int == 1)
        let table = try LineageBinary.run(["jobs", "list"] + db)
        #expect(table.stdout.contains("sync-1") && table.stdout.contains("40%"))
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        let timeline = try Self.json(try LineageBinary.run(["jobs", "timeline", "ingest-1", "--format", "jsonl"] + db))
        #expect((timeline as? [String: Any])?["event"] as? String == "error")

        let trace =
            try Self.json(try LineageBinary.run(["pages", "trace", pageID, "--format", "json"] + db)) as! [String: Any]
        #expect((trace["created_by"] as? [String: Any])?["id"] as? String == "ingest-1")
        #expect((trace["last_updated_by"] as? [String: Any])?["id"] as? String == "sync-1")
        #expect((trace["history"] as? [Any])?.count == 2)
        let byURL = try LineageBinary.run(
            ["pages", "show", "https://docs.example/a", "--website", "docs", "--format", "json"] + db)
        #expect((try Self.json(byURL) as? [String: Any])?["id"] as? String == pageID)
        let asOf = try LineageBinary.run(
            ["pages", "trace", pageID, "--as-of-job", "ingest-1", "--format", "json"] + db)
        #expect((try Self.json(asOf) as? [String: Any])?["firecrawl_batch_id"] as? String == "b1")
        let failed = try LineageBinary.run(["pages", "list", "--failed-by", "ingest-1", "--format", "json"] + db)
        #expect((try Self.json(failed) as? [[String: Any]])?.first?["url"] as? String == "https://docs.example/b")

        let schedule =
            try Self.json(try LineageBinary.run(["schedules", "show", "u1", "--format", "json"] + db)) as! [String: Any]
        #expect(schedule["is_crawling"] as? Bool == true && schedule["total"] as? Int == 1)
        #expect(try LineageBinary.run(["schedules", "list"] + db).stdout.contains("crawler-a"))
        #expect(try LineageBinary.run(["schedules", "due", "--format", "json"] + db).stdout.contains("["))

        let imports =
            try Self.json(try LineageBinary.run(["imports", "list", "--format", "json"] + db)) as! [String: Any]
        #expect(imports["total_count"] as? Int == 2)
        let stats =
            try Self.json(try LineageBinary.run(["imports", "stats", "--days", "7", "--format", "json"] + db))
            as! [String: Any]
        #expect(stats["total_imports"] as? Int == 2 && stats["successful_imports"] as? Int == 1)
        let lineage =
            try Self.json(try LineageBinary.run(["imports", "lineage", "customers", "--format", "json"] + db))
            as! [String: Any]
        #expect(lineage["total_rows_contributed"] as? Int == 2 && lineage["total_imports"] as? Int == 2)
        let duplicates =
            try Self.json(try LineageBinary.run(["imports", "duplicates", "--format", "json"] + db)) as! [[String: Any]]
        #expect(duplicates.count == 1)
        #expect(try LineageBinary.run(["imports", "show", importID] + db).stdout.contains("customers.csv"))
        let hash = String(repeating: "AB", count: 32)
        let byHash =
            try Self.json(try LineageBinary.run(["imports", "list", "--file-hash", hash, "--format", "json"] + db))
            as! [String: Any]
        #expect(byHash["total_count"] as? Int == 2, "which tables did this file affect")
        let slow =
            try Self.json(try LineageBinary.run(["imports", "list", "--min-duration", "1h", "--format", "json"] + db))
            as! [String: Any]
        #expect(slow["total_count"] as? Int == 0)
        let row =
            try Self.json(try LineageBinary.run(["imports", "row", "customers", "2", "--format", "json"] + db))
            as! [[String: Any]]
        #expect(row.map { $0["import_id"] as? String } == [importID])
        #expect(try LineageBinary.run(["imports", "row", "customers", "99"] + db).status == 1)

        let stages =
            try Self.json(try LineageBinary.run(["stages", "show", "doc-1", "--format", "json"] + db)) as! [String: Any]
        #expect((stages["stages"] as? [[String: Any]])?.first?["status"] as? String == "failed")
        #expect(try LineageBinary.run(["stages", "next", "doc-1"] + db).stdout.contains("markdown-conversion"))
        let waiting = try LineageBinary.run(
            ["stages", "waiting", "markdown-conversion", "--status", "failed", "--format", "json"] + db)
        #expect((try Self.json(waiting) as? [[String: Any]])?.count == 1)
        let dot = try LineageBinary.run(["stages", "graph"] + db)
        #expect(dot.stdout.hasPrefix("digraph") && dot.stdout.contains("\"chunker\" -> \"fact-generator\";"))
        #expect(
            try LineageBinary.run(["stages", "graph", "--format", "mermaid"] + db).stdout.hasPrefix("flowchart LR"))

        let status = try LineageBinary.run(["status"] + db)
        #expect(status.status == 0 && status.stdout.contains("sync-1") && status.stdout.contains("OCR crashed"))
        let statistics = try Self.json(try LineageBinary.run(["stats", "--format", "json"] + db)) as! [String: Any]
        #expect((statistics["records_by_kind"] as? [String: Int])?["page"] == 2)
        #expect((statistics["index_entries_by_index"] as? [String: Int])?["page_by_url"] == 2)
        let verify = try LineageBinary.run(["verify"] + db)
        #expect(verify.status == 0 && verify.stdout.contains("no problems"))
    }

    @Test func exportLoadRoundTripsByteForByteAndCompactVerifies() throws {
        let (directory, path, _, _) = try Self.fixture()
        let exported = try LineageBinary.run(["export", "--db", path])
        #expect(exported.status == 0)
        let kinds = Set(
            exported.stdout.split(separator: "\n").map {
                (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["kind"] as! String
            })
        #expect(
            kinds.isSuperset(of: [
                "job", "page", "page_version", "schedule", "source", "import", "import_row", "document",
                "stage_definition", "document_stage", "workflow", "event",
            ]))
        let copy = directory.path("copy.db")
        let load = try LineageBinary.run(["load", "--db", copy], stdin: Data(exported.stdout.utf8))
        #expect(load.status == 0, "\(load.stderr)")
        #expect(try LineageBinary.run(["export", "--db", copy]).stdout == exported.stdout)
        #expect(try LineageBinary.run(["verify", "--db", copy]).status == 0)
        let file = directory.path("export.jsonl")
        let toFile = try LineageBinary.run(["export", "--db", path, "-o", file])
        let lines = exported.stdout.split(separator: "\n").count
        #expect(toFile.status == 0 && toFile.stderr.contains("exported \(lines) records to \(file)"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == exported.stdout)
        let pages = try LineageBinary.run(["export", "--db", path, "--kind", "page"])
        #expect(pages.stdout.split(separator: "\n").count == 2)
        let compacted = directory.path("compact.db")
        let compact = try LineageBinary.run(["compact", compacted, "--db", path])
        #expect(compact.status == 0 && compact.stdout.contains("clean"), "\(compact.stderr)")
        #expect(try LineageBinary.run(["export", "--db", compacted]).stdout == exported.stdout)
    }

    @Test func rollbackAndPurgeHandBackRowsAndHonourDryRuns() throws {
        let (directory, path, _, importID) = try Self.fixture()
        _ = directory
        let preview = try LineageBinary.run(["imports", "rollback", importID, "--dry-run", "--db", path])
        #expect(preview.status == 0 && preview.stderr.contains("would roll back"))
        let rows = preview.stdout.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: String]
        }
        #expect(rows == [["table_name": "customers", "row_key": "1"], ["table_name": "customers", "row_key": "2"]])
        let show = try LineageBinary.run(["imports", "show", importID, "--format", "json", "--db", path])
        #expect((try Self.json(show) as? [String: Any])?["status"] as? String == "success", "a dry run changes nothing")
        let rollback = try LineageBinary.run(["imports", "rollback", importID, "--db", path])
        #expect(rollback.status == 0 && rollback.stdout == preview.stdout)
        let again = try LineageBinary.run(["imports", "rollback", importID, "--db", path])
        #expect(again.status == 1 && again.stderr.contains("rolled_back"))
        let purgePreview = try LineageBinary.run([
            "imports", "purge", "--older-than", "0", "--dry-run", "--format", "json", "--db", path,
        ])
        let report = try Self.json(purgePreview) as! [String: Any]
        #expect(report["imports"] as? Int == 1 && report["dry_run"] as? Bool == true, "the in-progress import is kept")
        let purge = try LineageBinary.run(["imports", "purge", "--older-than", "0", "--db", path])
        #expect(purge.status == 0 && purge.stdout.contains("purged 1 imports"))
        let listing =
            try Self.json(try LineageBinary.run(["imports", "list", "--format", "json", "--db", path]))
            as! [String: Any]
        #expect(listing["total_count"] as? Int == 1)
    }

    @Test func exitCodesFollowTheContract() throws {
        let (directory, path, _, _) = try Self.fixture()
        let missing = try LineageBinary.run(["jobs", "show", "ghost", "--db", path])
        #expect(
            missing.status == 1 && missing.stderr.contains("ghost") && missing.stderr.split(separator: "\n").count == 1)
        let usage = try LineageBinary.run(["pages", "list", "--db", path])
        #expect(usage.status == 64)
        let badTime = try LineageBinary.run(["jobs", "list", "--since", "yesterday", "--db", path])
        #expect(badTime.status == 64 && badTime.stderr.contains("yesterday"))
        let noFile = try LineageBinary.run(["jobs", "list", "--db", directory.path("absent.db")])
        #expect(noFile.status == 1 && noFile.stderr.contains("absent.db"))
        let badLoad = try LineageBinary.run(
            ["load", "--db", directory.path("new.db")], stdin: Data("{\"kind\":\"job\",\"id\":\n".utf8))
        #expect(badLoad.status == 65 && badLoad.stderr.contains("line 1"))
        let badIngest = try LineageBinary.run(
            ["ingest", "--db", path], stdin: Data("{\"jobId\":\"x\",\"seq\":-1}\n".utf8))
        #expect(badIngest.status == 65 && badIngest.stderr.contains("line 1"))
        #expect(try LineageBinary.run(["--version"]).stdout.contains("LineageStore"))
        #expect(try LineageBinary.run(["--generate-completion-script", "bash"]).stdout.contains("lineage"))

        // Damage an index entry: verify reports it and exits 2.
        let environment = try Environment.open(EnvironmentOptions(path: path))
        let index = try environment.openDatabase("index")
        try environment.write { txn in
            try txn.put(
                [], forKey: TupleCodec.encode([.int(IndexID.jobsByStatus.rawValue), "running", 1, "ghost"]), in: index)
        }
        environment.close()
        let verify = try LineageBinary.run(["verify", "--db", path, "--format", "json"])
        #expect(verify.status == 2)
        let report = try Self.json(verify) as! [String: Any]
        #expect(
            (report["problems"] as? [[String: Any]])?.first?["message"] as? String
                == "points to (2, \"ghost\"), which does not exist")
    }

    @Test func inspectionWorksWhileAnotherProcessIngests() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("live.db")
        let stream =
            (0..<200_000).map {
                #"{"jobId":"job-\#($0 % 50)","reporter":"r","seq":\#($0 / 50),"processedItems":\#($0)}"#
            }.joined(separator: "\n") + "\n"
        let input = directory.path("stream.jsonl")
        try Data(stream.utf8).write(to: URL(fileURLWithPath: input))
        #expect(try LineageBinary.run(["init", "--db", path]).status == 0)
        let writer = Process()
        writer.executableURL = LineageBinary.url
        writer.arguments = ["ingest", "--db", path, "--batch-size", "500", input]
        writer.standardOutput = FileHandle.nullDevice
        try writer.run()
        var inspections = 0
        while writer.isRunning && inspections < 50 {
            let list = try LineageBinary.run(["jobs", "list", "--db", path, "--format", "json", "--limit", "5"])
            #expect(list.status == 0, "\(list.stderr)")
            #expect((try? JSONSerialization.jsonObject(with: Data(list.stdout.utf8))) != nil)
            inspections += 1
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(inspections > 0, "the ingest finished before any inspection ran")
        let verify = try LineageBinary.run(["verify", "--db", path])
        #expect(verify.status == 0)
        let show = try LineageBinary.run(["jobs", "show", "job-7", "--db", path, "--format", "json"])
        #expect(
            ((try Self.json(show) as? [String: Any])?["progress"] as? [String: Any])?["processedItems"] as? Int
                == 199_957)
    }
}

@Suite struct OpenLineageExportTests {
    @Test func eventsValidateAgainstTheOpenLineageSchema() throws {
        let (directory, path, _, _) = try InspectionCommandTests.fixture()
        _ = directory
        let export = try LineageBinary.run(["export", "--format", "openlineage", "--db", path])
        #expect(export.status == 0, "\(export.stderr)")
        let events = export.stdout.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let types = events.map { $0["eventType"] as! String }
        #expect(
            types.contains("START") && types.contains("RUNNING") && types.contains("COMPLETE") && types.contains("FAIL")
        )
        let importStart = events.first { ($0["job"] as? [String: Any])?["name"] as? String == "import.customers" }
        let file = (importStart?["inputs"] as? [[String: Any]])?.first
        #expect(
            ((file?["facets"] as? [String: Any])?["lineagestore_file"] as? [String: Any])?["sha256"] as? String
                == String(repeating: "ab", count: 32))
        #expect((importStart?["outputs"] as? [[String: Any]])?.first?["name"] as? String == "customers")
        let again = try LineageBinary.run(["export", "--format", "openlineage", "--db", path])
        #expect(again.stdout == export.stdout, "run ids and events are deterministic")

        let validator = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/openlineage/validate.py").standardizedFileURL.path
        let result = try runProcess("/usr/bin/env", ["python3", validator], stdin: Data(export.stdout.utf8))
        #expect(result.status == 0, "schema validation: \(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("\(events.count) events, 0 problems"))
    }
}
