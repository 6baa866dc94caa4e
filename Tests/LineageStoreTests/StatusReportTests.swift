import Foundation
import LineageFormat
import LineageStore
import Testing

/// ``Snapshot/status(limit:)``: the operator screen's rules, in the library.
@Suite struct StatusReportTests {
    @Test func theScreenSortsLeasesJobsImportsAndDocuments() throws {
        let t = try TestStore()
        let store = t.store
        try store.setSchedule(userID: "due-user")
        try store.startBatchCrawl(userID: "stuck-user", owner: "crawler-9", lease: 60 * Timestamp.second)
        try store.startBatchCrawl(userID: "busy-user", owner: "crawler-1", lease: 3_600 * Timestamp.second)
        try store.startJob(id: "running", websiteID: "w", processType: .sync)
        try store.startJob(id: "broken", websiteID: "w", processType: .sync)
        try store.updateJobStatus("broken", to: .failed, error: "HTTP 500")
        let failed = try store.startImport(ImportStart(tableName: "orders"))
        try store.completeImport(failed.id, ImportCompletion(status: .failed))
        try store.installDefaultPipeline()
        try store.addDocument(id: "doc-1")
        try store.startStage(documentID: "doc-1", stage: "markdown-conversion")
        try store.failStage(documentID: "doc-1", stage: "markdown-conversion", error: "PDF is encrypted")
        t.advance(seconds: 120)

        let report = try store.status()
        #expect(report.stuckLeases.map(\.userID) == ["stuck-user"])
        #expect(report.dueSchedules.map(\.userID) == ["due-user"], "a stuck lease is listed once, a live one never")
        #expect(report.runningJobs.map(\.id) == ["running"])
        #expect(report.failedJobs.map(\.id) == ["broken"])
        #expect(report.failedImports.map(\.id) == [failed.id] && report.failedImportCount == 1)
        #expect(report.blockedDocuments.map(\.documentID) == ["doc-1"])

        t.advance(seconds: 2 * 86_400)
        let later = try store.status()
        #expect(later.failedJobs.isEmpty && later.failedImports.isEmpty, "failures older than a day drop off")
    }

    /// Seed 003's "stalled progress": running jobs whose newest update is older than the stall time.
    @Test func stalledJobsAreRunningJobsSilentForLongerThanTheStallTime() throws {
        let t = try TestStore()
        let store = t.store
        let start = t.clock.now()
        _ = try store.ingest([
            ProgressUpdate(jobID: "quiet", reporter: "r", seq: 1, timestamp: start, status: .processing),
            ProgressUpdate(jobID: "busy", reporter: "r", seq: 1, timestamp: start, status: .processing),
            ProgressUpdate(jobID: "done", reporter: "r", seq: 1, timestamp: start, status: .completed),
        ])
        t.advance(seconds: 11 * 60)
        _ = try store.ingest([ProgressUpdate(jobID: "busy", reporter: "r", seq: 2, processedItems: 5)])
        #expect(try store.stalledJobs(idleFor: 10 * 60 * Timestamp.second).map(\.id) == ["quiet"])
        #expect(try store.stalledJobs(idleFor: 20 * 60 * Timestamp.second).isEmpty)
        let report = try store.status()
        #expect(report.stalledJobs.map(\.id) == ["quiet"] && report.stalledAfterSeconds == 600)
        // A job's pace: two updates eleven minutes apart.
        let busy = try #require(try store.job("busy"))
        #expect(abs(busy.updatesPerMinute - 2.0 / 11) < 1e-9)
    }

    @Test func aJobEncodesItsProgressAsTheSeedsDocument() throws {
        let t = try TestStore()
        _ = try t.store.ingest([
            ProgressUpdate(jobID: "crawl-1", reporter: "r", seq: 1, processedItems: 5, itemsByType: ["issues": 5])
        ])
        let job = try #require(try t.store.job("crawl-1"))
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(job)) as! [String: Any]
        let progress = try #require(object["progress"] as? [String: Any])
        #expect(progress["processedItems"] as? Int == 5 && progress["itemsByType"] as? [String: Int] == ["issues": 5])
        #expect(object["processed_items"] == nil && object["stage_stamp"] == nil)
        #expect(object["id"] as? String == "crawl-1" && object["status"] as? String == "running")
    }
}
