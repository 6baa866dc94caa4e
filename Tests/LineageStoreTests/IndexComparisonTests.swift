import LineageFormat
import TestSupport
import Testing

@testable import LineageStore

@Suite struct IndexComparisonTests {
    /// The index comparison derived from the indexes' key paths agrees with building the entries.
    @Test func derivedIndexComparisonMatchesTheIndexEntries() {
        var random = SeededGenerator()
        let seed = random.seed
        var agreedEqual = 0
        for round in 0..<2_000 {
            func randomJob() -> JobRecord {
                var job = JobRecord()
                job.id = "job"
                job.websiteID = ["", "site", "other"].randomElement(using: &random)!
                job.processType = ["ingestion", "crawl"].randomElement(using: &random)!
                job.status = ["running", "failed"].randomElement(using: &random)!
                job.startedAt = Int64.random(in: 0...1, using: &random)
                job.completedAt = Int64.random(in: 0...1, using: &random)
                job.processedItems = Int64.random(in: 0...1, using: &random)
                return job
            }
            func randomPage() -> PageRecord {
                var page = PageRecord()
                page.id = "page"
                page.websiteID = ["", "site"].randomElement(using: &random)!
                page.url = ["", "https://a", "https://b"].randomElement(using: &random)!
                page.createdByProcessID = ["", "j1"].randomElement(using: &random)!
                page.batchID = ["", "b1"].randomElement(using: &random)!
                page.status = ["active", "error"].randomElement(using: &random)!
                page.versionCount = UInt64.random(in: 0...1, using: &random)
                return page
            }
            let (a, b) = (randomJob(), randomJob())
            let entriesEqual = JobRecord.indexes.allSatisfy { $0.values(a) == $0.values(b) }
            if entriesEqual { agreedEqual += 1 }
            #expect(
                a.hasSameIndexValues(as: b) == entriesEqual, "round \(round); replay with LINEAGE_TEST_SEED=\(seed)")
            let (c, d) = (randomPage(), randomPage())
            #expect(
                c.hasSameIndexValues(as: d) == PageRecord.indexes.allSatisfy { $0.values(c) == $0.values(d) },
                "round \(round); replay with LINEAGE_TEST_SEED=\(seed)")
        }
        #expect(agreedEqual > 0, "some pairs must share their index values; seed \(seed)")
    }
}
