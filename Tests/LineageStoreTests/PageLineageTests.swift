import LineageFormat
import LineageStore
import Testing

@Suite struct PageLineageTests {
    static func hash(_ text: String) -> Digest128 { XXH3.hash128(text) }

    @Test func ingestionThenSyncFollowsTheLineageFlows() throws {
        let t = try TestStore()
        let store = t.store
        let ingestion = try store.startJob(id: "ingest-1", websiteID: "site", processType: .ingestion)
        #expect(ingestion.status == .running)
        let urls = ["https://a.example/1", "https://a.example/2", "https://a.example/3"]
        let created = try store.recordPages(
            urls.map { PageObservation(websiteID: "site", url: $0, contentHash: Self.hash($0), batchID: "batch-1") },
            by: "ingest-1")
        #expect(created.map(\.change) == [.created, .created, .created])
        #expect(created.allSatisfy { $0.page.createdByProcessID == "ingest-1" && $0.page.batchID == "batch-1" })
        #expect(created.allSatisfy { $0.page.lastUpdatedByProcessID == nil })
        var job = try #require(try store.job("ingest-1"))
        #expect((job.urlsDiscovered, job.urlsUpdated, job.urlsErrored) == (3, 0, 0))
        #expect(job.batchIDs == ["batch-1"])
        try store.completeJob("ingest-1")
        t.advance(seconds: 3600)

        try store.startJob(id: "sync-1", websiteID: "site", processType: .sync)
        let unchanged = try store.recordPage(
            PageObservation(websiteID: "site", url: urls[0], contentHash: Self.hash(urls[0]), batchID: "batch-2"),
            by: "sync-1")
        #expect(unchanged.change == .unchanged)
        #expect(unchanged.page.batchID == "batch-1", "an unchanged page keeps its batch")
        let changed = try store.recordPage(
            PageObservation(websiteID: "site", url: urls[1], contentHash: Self.hash("new"), batchID: "batch-2"),
            by: "sync-1")
        #expect(changed.change == .changed)
        #expect(changed.page.createdByProcessID == "ingest-1")
        #expect(changed.page.lastUpdatedByProcessID == "sync-1")
        #expect(changed.page.batchID == "batch-2")
        let failed = try store.recordPage(
            PageObservation(websiteID: "site", url: urls[2], status: .error, error: "HTTP 503"), by: "sync-1")
        #expect(failed.change == .errored)
        #expect(failed.page.failedByProcessID == "sync-1")
        #expect(failed.page.lastUpdatedByProcessID == "sync-1", "seed 000: which sync failed")
        #expect(failed.page.status == .error)
        let discovered = try store.recordPage(
            PageObservation(
                websiteID: "site", url: "https://a.example/4", contentHash: Self.hash("4"), batchID: "batch-2"),
            by: "sync-1")
        #expect(discovered.change == .created)
        let deleted = try store.recordPage(
            PageObservation(websiteID: "site", url: urls[0], status: .deleted), by: "sync-1")
        #expect(deleted.change == .deleted)
        #expect(deleted.page.lastUpdatedByProcessID == "sync-1")
        job = try #require(try store.job("sync-1"))
        #expect((job.urlsDiscovered, job.urlsUpdated, job.urlsDeleted, job.urlsErrored) == (1, 1, 1, 1))
        #expect(job.batchIDs == ["batch-2"], "batch ids come only from pages the job changed")
        #expect(job.errorCount == 1)
        #expect(try store.jobErrors("sync-1").map(\.url) == [urls[2]])

        // A retry by a later job recovers the failed page.
        try store.completeJob("sync-1")
        t.advance(seconds: 60)
        try store.startJob(id: "retry-1", websiteID: "site", processType: .sync)
        let retried = try store.recordPage(
            PageObservation(websiteID: "site", url: urls[2], contentHash: Self.hash(urls[2]), batchID: "batch-3"),
            by: "retry-1")
        #expect(retried.change == .changed, "an errored page that crawls again is a change even with the same hash")
        #expect(retried.page.status == .active)
        #expect(retried.page.failedByProcessID == "sync-1", "the failing job stays on record")

        #expect(try store.pages(.createdBy("ingest-1")).records.count == 3)
        #expect(
            Set(try store.pages(.updatedBy("sync-1")).records.map(\.url)) == [urls[0], urls[1]],
            "the retry took urls[2]")
        #expect(try store.pages(.batch("batch-2")).records.map(\.url).sorted() == [urls[1], "https://a.example/4"])
        #expect(try store.pages(.status(websiteID: "site", .deleted)).records.map(\.url) == [urls[0]])
        #expect(try store.countPages(.status(websiteID: "site", .active)) == 3)
        #expect(try store.pages(.failedBy("sync-1")).records.map(\.url) == [urls[2]])
        #expect(try store.page(websiteID: "site", url: urls[1])?.id == changed.page.id)
        #expect(try store.page(websiteID: "other", url: urls[1]) == nil)
        #expect(try store.verify().isClean)
    }

    @Test func traceNamesJobsBatchErrorsAndHistory() throws {
        let t = try TestStore()
        let store = t.store
        try store.startJob(id: "j1", websiteID: "w", processType: .ingestion)
        let url = "https://w.example/page"
        let page = try store.recordPage(
            PageObservation(websiteID: "w", url: url, contentHash: Self.hash("v1"), batchID: "b1"), by: "j1"
        ).page
        try store.recordJobError("j1", message: "rate limited", details: #"{"retry_after":30}"#)
        try store.completeJob("j1")
        t.advance(seconds: 10)
        try store.startJob(id: "j2", websiteID: "w", processType: .sync)
        try store.recordPage(PageObservation(websiteID: "w", url: url, status: .error, error: "timeout"), by: "j2")
        try store.recordPage(
            PageObservation(websiteID: "w", url: "https://w.example/other", status: .error, error: "404"), by: "j2")
        t.advance(seconds: 10)
        try store.recordPage(
            PageObservation(websiteID: "w", url: url, contentHash: Self.hash("v2"), batchID: "b2"), by: "j2")
        let trace = try store.trace(pageID: page.id)
        #expect(trace.createdBy?.id == "j1")
        #expect(trace.lastUpdatedBy?.id == "j2")
        #expect(trace.failedBy?.id == "j2")
        #expect(trace.batchID == "b2")
        #expect(trace.errors.map(\.message) == ["rate limited", "timeout"], "errors about other pages are left out")
        #expect(trace.history.map(\.change) == [.created, .errored, .changed])
        #expect(trace.history.map(\.version) == [1, 2, 3])
        #expect(throwsStoreError(.notFound, "nope") { _ = try store.trace(pageID: "nope") })
    }

    /// Seed 000's first benefit: "Why is this page in 'error' status? Check last_updated_by_process_id → which
    /// sync failed; check firecrawl_batch_id → which batch had issues" — both answered by the page and its
    /// version; and a batch attached to a job without a page.
    @Test func anErrorPageNamesTheFailingSyncAndItsBatch() throws {
        let t = try TestStore()
        let store = t.store
        try store.startJob(id: "ingest", websiteID: "w", processType: .ingestion)
        let url = "https://w.example/a"
        try store.recordPage(
            PageObservation(websiteID: "w", url: url, contentHash: Self.hash("a"), batchID: "fc-1"), by: "ingest")
        try store.completeJob("ingest")
        try store.startJob(id: "sync", websiteID: "w", processType: .sync)
        let failed = try store.recordPage(
            PageObservation(websiteID: "w", url: url, status: .error, batchID: "fc-2", error: "HTTP 500"), by: "sync")
        #expect(failed.page.lastUpdatedByProcessID == "sync" && failed.page.failedByProcessID == "sync")
        #expect(failed.page.batchID == "fc-2", "the batch that had issues")
        #expect(failed.page.contentHash == Self.hash("a").canonicalBytes, "the last good content stays")
        let version = try #require(try store.pageHistory(id: failed.page.id).last)
        #expect(version.change == .errored && version.batchID == "fc-2" && version.lastUpdatedByProcessID == "sync")
        #expect(try store.job("sync")?.batchIDs == ["fc-2"])
        #expect(try store.pages(.batch("fc-2")).records.map(\.url) == [url])
        let trace = try store.trace(pageID: failed.page.id)
        #expect(
            trace.lastUpdatedBy?.id == "sync" && trace.batchID == "fc-2" && trace.errors.map(\.message) == ["HTTP 500"])

        let attached = try store.write { try $0.attachBatch("fc-3", to: "sync") }
        #expect(attached.batchIDs == ["fc-2", "fc-3"])
        #expect(try store.write { try $0.attachBatch("fc-3", to: "sync") }.batchIDs == ["fc-2", "fc-3"], "once")
        #expect(throwsStoreError(.notFound, "nope") { _ = try store.write { try $0.attachBatch("b", to: "nope") } })
        #expect(
            throwsStoreError(.invalidInput, "batch id") { _ = try store.write { try $0.attachBatch("", to: "sync") } })
        #expect(try store.verify().isClean)
    }

    /// Seed 000's "compare different ingestion runs": what one run left that the other did not, and what
    /// changed between them.
    @Test func twoRunsCompareByHowTheyLeftThePages() throws {
        let t = try TestStore()
        let store = t.store
        let urls = (1...4).map { "https://w.example/\($0)" }
        try store.startJob(id: "monday", websiteID: "w", processType: .ingestion)
        try store.recordPages(
            urls.prefix(3).map { PageObservation(websiteID: "w", url: $0, contentHash: Self.hash($0)) }, by: "monday")
        try store.completeJob("monday")
        t.advance(seconds: 86_400)
        try store.startJob(id: "tuesday", websiteID: "w", processType: .sync)
        try store.recordPages(
            [
                PageObservation(websiteID: "w", url: urls[1], contentHash: Self.hash("edited")),
                PageObservation(websiteID: "w", url: urls[2], status: .deleted),
                PageObservation(websiteID: "w", url: urls[3], contentHash: Self.hash(urls[3])),
            ], by: "tuesday")
        try store.completeJob("tuesday")
        let comparison = try store.compareJobs("monday", "tuesday")
        #expect(comparison.onlyInFirst.map(\.url) == [urls[2]], "deleted by tuesday")
        #expect(comparison.onlyInSecond.map(\.url) == [urls[3]], "created by tuesday")
        #expect(comparison.changed.map(\.url) == [urls[1]])
        #expect(
            comparison.changed.first?.first?.jobID == "monday" && comparison.changed.first?.second?.jobID == "tuesday")
        #expect(comparison.unchangedCount == 1)
        let reversed = try store.compareJobs("tuesday", "monday")
        #expect(reversed.onlyInFirst.map(\.url) == [urls[3]] && reversed.onlyInSecond.map(\.url) == [urls[2]])
        #expect(throwsStoreError(.notFound, "no job x") { _ = try store.compareJobs("monday", "x") })
    }

    @Test func stateAsOfEachJobAndEachTimeIsExact() throws {
        let t = try TestStore()
        let store = t.store
        let url = "https://w.example/x"
        var expected: [(job: String, at: Int64, hash: [UInt8], batch: String, status: PageStatus)] = []
        var pageID = ""
        for round in 1...5 {
            let job = "job-\(round)"
            try store.startJob(id: job, websiteID: "w", processType: round == 1 ? .ingestion : .sync)
            t.advance(seconds: 5)
            let observation =
                round == 4
                ? PageObservation(websiteID: "w", url: url, status: .error, error: "down")
                : PageObservation(websiteID: "w", url: url, contentHash: Self.hash("v\(round)"), batchID: "b\(round)")
            let update = try store.recordPage(observation, by: job)
            pageID = update.page.id
            expected.append(
                (job, t.clock.now(), update.page.contentHash ?? [], update.page.batchID, update.page.status))
            t.advance(seconds: 5)
            try store.completeJob(job)
            t.advance(seconds: 5)
        }
        try store.startJob(id: "untouched", websiteID: "w", processType: .sync)
        for (index, state) in expected.enumerated() {
            let byJob = try #require(try store.pageState(id: pageID, asOfJob: state.job))
            #expect(byJob.version == UInt64(index + 1))
            #expect(byJob.contentHash == state.hash && byJob.batchID == state.batch && byJob.status == state.status)
            #expect(try store.pageState(id: pageID, asOf: state.at)?.version == UInt64(index + 1))
            #expect(try store.pageState(id: pageID, asOf: state.at - 1)?.version == (index == 0 ? nil : UInt64(index)))
        }
        #expect(try store.pageState(id: pageID, asOfJob: "untouched")?.version == 5, "a running job sees the latest")
        #expect(try store.pageState(id: pageID, asOfJob: "job-5")?.batchID == "b5")
        #expect(try store.pageState(id: pageID, asOf: expected[3].at)?.status == .error)
        #expect(try store.pageState(id: pageID, asOf: expected[3].at)?.batchID == "b3", "errors keep the batch")
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let t = try TestStore()
        let store = t.store
        try store.startJob(id: "j", websiteID: "w", processType: .ingestion)
        let before = try store.statistics().databases
        let good = PageObservation(websiteID: "w", url: "https://w.example/", contentHash: Self.hash("x"))
        #expect(throwsStoreError(.notFound, "no job ghost") { try store.recordPage(good, by: "ghost") })
        #expect(
            throwsStoreError(.invalidInput, "url") {
                try store.recordPage(PageObservation(websiteID: "w", url: ""), by: "j")
            })
        #expect(
            throwsStoreError(.invalidInput, "website id", "200") {
                try store.recordPage(PageObservation(websiteID: String(repeating: "w", count: 300), url: "u"), by: "j")
            })
        #expect(
            throwsStoreError(.invalidInput, "page status") {
                try store.recordPage(PageObservation(websiteID: "w", url: "u", status: "archived"), by: "j")
            })
        #expect(
            throwsStoreError(.notFound, "to delete") {
                try store.recordPage(PageObservation(websiteID: "w", url: "u", status: .deleted), by: "j")
            })
        // A batch with one bad observation applies none of them.
        #expect(
            throwsStoreError(.invalidInput) {
                try store.recordPages([good, PageObservation(websiteID: "w", url: "")], by: "j")
            })
        #expect(try store.statistics().databases == before)
        #expect(try store.job("j")?.urlsDiscovered == 0)
        try store.completeJob("j")
        #expect(throwsStoreError(.conflict, "completed") { try store.recordPage(good, by: "j") })
        #expect(throwsStoreError(.conflict, "already completed") { try store.updateJobStatus("j", to: .failed) })
        #expect(
            throwsStoreError(.duplicate, "already exists") {
                try store.startJob(id: "j", websiteID: "w", processType: .sync)
            })
        #expect(
            throwsStoreError(.invalidInput, "metadata", "JSON") {
                try store.startJob(websiteID: "w", processType: .sync, metadata: "{oops")
            })
        #expect(
            throwsStoreError(.invalidInput, "job status") {
                try store.startJob(id: "k", websiteID: "w", processType: .sync);
                try store.updateJobStatus("k", to: "exploded")
            })
        #expect(try store.verify().isClean)
    }

    @Test func veryLongURLsAreIndexedByHashAndFoundExactly() throws {
        let t = try TestStore()
        try t.store.startJob(id: "j", websiteID: "w", processType: .ingestion)
        let long = "https://w.example/" + String(repeating: "segment/", count: 600)
        let update = try t.store.recordPage(
            PageObservation(websiteID: "w", url: long, contentHash: Self.hash("a")), by: "j")
        #expect(long.utf8.count > 4_000)
        #expect(try t.store.page(websiteID: "w", url: long)?.id == update.page.id)
        #expect(try t.store.page(websiteID: "w", url: long + "x") == nil)
        #expect(try t.store.verify().isClean)
    }
}
