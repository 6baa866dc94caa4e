import Foundation
import TestSupport
import Testing

/// Every write is reachable from the CLI, JSON in and JSON out, answering what the HTTP API answers.
@Suite struct WriteCommandTests {
    let directory: TemporaryDirectory
    let database: String

    init() throws {
        directory = try TemporaryDirectory()
        database = directory.path("writes.db")
        #expect(try LineageBinary.run(["init", "--db", database]).status == 0)
    }

    /// Runs `lineage ARGUMENTS --db …` and returns its exit status and the JSON it printed.
    func lineage(_ arguments: [String], stdin: String? = nil) throws -> (
        status: Int32, json: [String: Any], stderr: String
    ) {
        let result = try LineageBinary.run(arguments + ["--db", database], stdin: stdin.map { Data($0.utf8) })
        let json = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        return (result.status, json, result.stderr)
    }

    /// A read command's JSON array output.
    func listing(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try LineageBinary.run(arguments + ["--format", "json", "--db", database])
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [[String: Any]] ?? []
    }

    /// A command's exit status and standard output (`--db` added unless `database` is false).
    func text(_ arguments: [String], database: Bool = true) throws -> (status: Int32, output: String) {
        let result = try LineageBinary.run(arguments + (database ? ["--db", self.database] : []))
        return (result.status, result.stdout)
    }

    @Test func jobsAndPagesAreWrittenFromTheCommandLine() throws {
        let started = try lineage(["jobs", "start", #"{"id": "j1", "website_id": "w", "process_type": "sync"}"#])
        #expect(started.status == 0 && started.json["success"] as? Bool == true)
        #expect((started.json["job"] as? [String: Any])?["status"] as? String == "running")
        let lines = """
            {"website_id": "w", "url": "https://w/a", "firecrawl_batch_id": "fc-1"}

            {"website_id": "w", "url": "https://w/b", "status": "error", "error": "HTTP 503"}
            """
        let recorded = try lineage(["pages", "record", "j1"], stdin: lines)
        let changes = try #require(recorded.json["pages"] as? [[String: Any]])
        #expect(changes.map { $0["change"] as? String } == ["created", "errored"])
        #expect((changes[0]["page"] as? [String: Any])?["firecrawl_batch_id"] as? String == "fc-1")
        let badLine = try lineage(["pages", "record", "j1"], stdin: #"{"url": "https://w/c"}"#)
        #expect(badLine.status == 64 && badLine.stderr.contains("line 1"))
        let batched = try lineage(["jobs", "add-batch", "j1", "fc-0"])
        #expect((batched.json["job"] as? [String: Any])?["firecrawl_batch_ids"] as? [String] == ["fc-0", "fc-1"])
        #expect(try lineage(["jobs", "complete", "j1"]).json["success"] as? Bool == true)
        #expect(
            try lineage(["jobs", "start", #"{"id": "j2", "website_id": "w", "process_type": "sync"}"#]).status == 0)
        let edited =
            #"{"website_id": "w", "url": "https://w/a", "content_hash": "\#(String(repeating: "ef", count: 16))"}"#
        #expect(try lineage(["pages", "record", "j2"], stdin: edited).status == 0)
        let compared = try text(["jobs", "compare", "j1", "j2", "--format", "json"])
        let comparison = try #require(
            try JSONSerialization.jsonObject(with: Data(compared.output.utf8)) as? [String: Any])
        #expect((comparison["changed"] as? [[String: Any]])?.map { $0["url"] as? String } == ["https://w/a"])
        #expect(try text(["jobs", "compare", "j1", "j2"]).output.contains("1 changed"))
        let failed = try lineage(["jobs", "fail", "nope", "--error", "x"])
        #expect(failed.status == 1 && failed.stderr.contains("nope"))
        let malformed = try lineage(["jobs", "start", #"{"website_id": 3}"#])
        #expect(malformed.status == 64 && malformed.stderr.contains("website_id"))
    }

    @Test func crawlLeasesAreTakenAndReleasedFromTheCommandLine() throws {
        #expect(try lineage(["schedules", "trigger", "alice", "--owner", "host-a"]).status == 0)
        let held = try lineage(["schedules", "trigger", "alice", "--owner", "host-b"])
        #expect(held.status == 1 && held.stderr.contains("host-a"))
        let released = try lineage(["schedules", "release", "alice", "--released-by", "ops"])
        let schedule = try #require(released.json["schedule"] as? [String: Any])
        #expect(schedule["last_outcome"] as? String == "released")
        #expect((schedule["last_error"] as? String)?.contains("host-a") == true)
        #expect(try lineage(["schedules", "trigger", "alice", "--owner", "host-b"]).status == 0)
        let done = try lineage([
            "schedules", "complete", "alice", "--owner", "host-b", "--crawled", "3", "--failed", "1",
        ])
        #expect((done.json["schedule"] as? [String: Any])?["sources_crawled_count"] as? Int == 3)
        #expect(try lineage(["schedules", "release", "alice"]).status == 64)
        #expect(try lineage(["schedules", "trigger", "alice", "--owner", "host-c"]).status == 0)
        let measured = try lineage(["schedules", "complete", "alice", "--owner", "host-c", "--duration-seconds", "45"])
        #expect((measured.json["schedule"] as? [String: Any])?["last_crawl_duration_seconds"] as? Double == 45)
        let history = try listing(["schedules", "history", "alice"])
        #expect(history.map { $0["outcome"] as? String } == ["completed", "completed", "released"])
        #expect(history.first?["duration_seconds"] as? Double == 45)
        let shown = try text(["schedules", "show", "newcomer"])
        #expect(shown.status == 0 && shown.output.contains("is_crawling"), "the status read creates the schedule")
        #expect(try listing(["schedules", "list"]).contains { $0["user_id"] as? String == "newcomer" })
    }

    @Test func importsAndStagesAreWrittenFromTheCommandLine() throws {
        #expect(try lineage(["imports", "start", #"{"import_id": "i1", "table_name": "t"}"#]).status == 0)
        #expect(try lineage(["imports", "rows", "i1"], stdin: "r1\nr2\n").status == 0)
        let completed = try lineage(["imports", "complete", "i1", #"{"status": "success", "rows_inserted": 2}"#])
        #expect((completed.json["import_record"] as? [String: Any])?["rows_inserted"] as? Int == 2)
        #expect(try lineage(["stages", "add-document", #"{"document_id": "d1"}"#]).status == 1)
        #expect(try lineage(["stages", "define", #"{"default_pipeline": true}"#]).status == 0)
        #expect(try lineage(["stages", "add-document", #"{"document_id": "d1"}"#]).status == 0)
        let stage = "markdown-conversion"
        #expect(try lineage(["stages", "start", "d1", stage]).status == 0)
        let output = try lineage([
            "stages", "output", "d1", stage,
            #"{"path": "d1/out.md", "size": 3, "sha256": "\#(String(repeating: "ab", count: 32))", "xxh3": "\#(String(repeating: "cd", count: 16))"}"#,
        ])
        #expect((output.json["output"] as? [String: Any])?["file_path"] as? String == "d1/out.md")
        #expect(try lineage(["stages", "complete", "d1", stage]).status == 0)
        let failed = try lineage(["stages", "fail", "d1", "chunker", "--error", "x"])
        #expect(failed.status == 1, "a stage that never started cannot fail")
        let optimizer = try lineage(["stages", "skip", "d1", "markdown-optimizer", "--metadata", #"{"why": "short"}"#])
        #expect((optimizer.json["stage"] as? [String: Any])?["metadata"] as? [String: String] == ["why": "short"])
        #expect(try lineage(["stages", "start", "d1", "chunker", "--metadata", "{oops"]).status == 64)
        #expect(try listing(["stages", "outputs", stage]).map { $0["document_id"] as? String } == ["d1"])
        let rerun = try lineage(["stages", "rerun", "d1", stage])
        #expect((rerun.json["reset_stages"] as? [Any])?.count == 2, "the conversion and the skipped optimizer")
        let history = try text(["stages", "history", "d1"])
        #expect(history.status == 0 && history.output.contains("skipped") && history.output.contains(stage))
        let workflows = try listing(["stages", "workflows", "--current-stage", stage])
        #expect(workflows.map { $0["current_stage"] as? String } == [stage])
        let path = try text(["stages", "path", "d1", "chunker", "a.chunks.json"], database: false)
        #expect(path.output == "documents/d1/stages/chunker/a.chunks.json\n")
        #expect(try text(["stages", "path", "..", "chunker", "a"], database: false).status == 64)
        let deleted = try lineage(["stages", "delete-document", "d1"])
        #expect((deleted.json["deleted"] as? [String: Any])?["unreferenced_files"] as? [String] == ["d1/out.md"])
        #expect(try lineage(["stages", "show", "d1"]).status == 1)
    }

    @Test func theCommandLineAndTheServerAnswerTheSameJSON() async throws {
        let request = #"{"id": "same", "website_id": "w", "process_type": "sync", "metadata": {"a": 1}}"#
        let fromCLI = try lineage(["jobs", "start", request])
        let server = try ServerProcess(database: directory.path("served.db"), in: directory)
        let fromHTTP = try await server.request(
            "POST", "/api/jobs", body: Data(request.utf8), contentType: "application/json")
        #expect(Set(fromCLI.json.keys) == Set(fromHTTP.json.keys))
        let cliJob = try #require(fromCLI.json["job"] as? [String: Any])
        let httpJob = try #require(fromHTTP.json["job"] as? [String: Any])
        #expect(Set(cliJob.keys) == Set(httpJob.keys))
        for field in ["id", "website_id", "process_type", "status", "metadata"] {
            #expect(
                NSDictionary(dictionary: ["v": cliJob[field] ?? NSNull()])
                    == NSDictionary(dictionary: ["v": httpJob[field] ?? NSNull()]), "\(field)")
        }
    }
}
