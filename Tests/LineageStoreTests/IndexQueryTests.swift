import LineageFormat
import LineageStore
import TestSupport
import Testing

@Suite struct IndexQueryTests {
    @Test func cursorsPageThroughStablyWhileRecordsAreAddedAndRemoved() throws {
        let t = try TestStore()
        let store = t.store
        for index in 0..<25 {
            try store.startJob(id: String(format: "job-%02d", index), websiteID: "w", processType: .sync)
            t.advance(seconds: 1)
        }
        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let page = try store.jobs(JobFilter(websiteID: "w"), limit: 10, cursor: cursor)
            seen += page.records.map(\.id)
            cursor = page.nextCursor
            pages += 1
            if pages == 1 {
                // A job started after the first page lands before the cursor: it neither repeats nor shifts the rest.
                try store.startJob(id: "job-new", websiteID: "w", processType: .sync)
            }
        } while cursor != nil
        #expect(pages == 3)
        #expect(seen == (0..<25).reversed().map { String(format: "job-%02d", $0) }, "newest first, no repeats, no gaps")
        #expect(try store.read { try $0.count(IndexQuery(.jobsByWebsite, equal: ["w"])) } == 26)
        #expect(
            try store.jobs(JobFilter(websiteID: "w", since: t.clock.now() - 5 * Timestamp.second)).records.count == 6)
        #expect(try store.jobs(JobFilter(status: .running, processType: .sync), limit: 3).records.count == 3)
    }

    @Test func aForeignCursorIsRefused() throws {
        let t = try TestStore()
        for index in 0..<3 { try t.store.startJob(id: "j\(index)", websiteID: "w", processType: .sync) }
        let page = try t.store.jobs(JobFilter(websiteID: "w"), limit: 1)
        let cursor = try #require(page.nextCursor)
        #expect(
            throwsStoreError(.invalidInput, "cursor") {
                _ = try t.store.jobs(JobFilter(websiteID: "other"), cursor: cursor)
            })
        #expect(throwsStoreError(.invalidInput, "cursor") { _ = try t.store.jobs(cursor: "zz-not-hex") })
    }

    @Test func uniqueIndexesRefuseASecondHolderAndKeysStayUnderTheLimit() throws {
        let t = try TestStore()
        try t.store.startJob(id: "j", websiteID: "w", processType: .ingestion)
        let url = "https://w.example/a"
        let first = try t.store.recordPage(
            PageObservation(websiteID: "w", url: url, contentHash: XXH3.hash128("a")), by: "j")
        #expect(
            throwsStoreError(.duplicate, "page_by_url", "already taken") {
                try t.store.write { context in
                    var copy = first.page
                    copy.id = "another-id"
                    try context.insert(copy)
                }
            })
        #expect(
            throwsStoreError(.invalidInput, "511") {
                try t.store.write { context in
                    var huge = first.page
                    huge.id = String(repeating: "x", count: 600)
                    try context.insert(huge)
                }
            })
        #expect(try t.store.verify().isClean)
    }
}
