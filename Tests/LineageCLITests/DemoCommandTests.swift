import Foundation
import TestSupport
import Testing

@Suite struct DemoCommandTests {
    @Test func demoSimulatesADayAndPrintsWhatAnOperatorLooksAt() throws {
        let directory = try TemporaryDirectory()
        let db = directory.path("demo.db")
        let result = try LineageBinary.run(["demo", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("refused: user alice is already being crawled by crawler-7"))
        #expect(out.contains("crawler-2 took over alice's expired lease (recoveries: 1)"))
        #expect(out.contains("2 crawled, 1 failed (counted from its source results)"))
        #expect(out.contains("lineage schedules history alice: crawler-2 completed, crawler-7 expired"))
        #expect(out.contains("ingestion created 1999 pages (1 failed)"))
        #expect(out.contains("201 changed, 1719 unchanged, 40 errored, 40 deleted"))
        #expect(out.contains("200000 updates from 4 crawlers"))
        #expect(out.contains("196000 applied, 4000 duplicate"))
        #expect(out.contains("imported 2×: customers.csv, customers (1).csv"))
        #expect(out.contains("rolled back customers (1).csv: 500 rows"))
        #expect(out.contains("doc-03 retries: 1"))
        #expect(out.contains("doc-05 rerun from the chunker after a fix: 3 stages reset and run again"))
        #expect(out.contains("nobody's file now: documents/doc-19/stages/markdown-conversion/chapter-19.md"))
        #expect(out.contains("lineage jobs compare: 40 pages only as the ingestion left them"))
        #expect(out.contains("last updated by") && out.contains("HTTP 503") && out.contains("errored"))
        #expect(out.contains("════ lineage status ════") && out.contains("PDF is encrypted"))
        #expect(out.contains("flowchart LR"))
        #expect(out.contains("════ lineage jobs timeline crawl-1 ════") && out.contains("completion"))
        #expect(out.contains("no problems"))
        #expect(out.contains("progress updates/s"))

        let again = try LineageBinary.run(["demo", "--db", db])
        #expect(again.status == 64, "an existing database is not replaced without --fresh")
        #expect(again.stderr.contains("--fresh"))

        let status = try LineageBinary.run(["status", "--db", db, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect((object?["blocked_documents"] as? [Any])?.count == 1)
        #expect(try LineageBinary.run(["verify", "--db", db]).status == 0)

        for (tool, arguments, expected) in [
            ("/usr/bin/mdb_stat", ["-n", "-a", db], "Status of records"),
            ("/usr/bin/mdb_dump", ["-n", "-s", "index", db], "VERSION=3"),
        ] where FileManager.default.isExecutableFile(atPath: tool) {
            let run = try runProcess(tool, arguments)
            #expect(run.status == 0 && run.stdout.contains(expected), "\(tool): \(run.stderr)")
        }
    }
}
