import LMDB
import LineageFormat
import LineageStore
import TestSupport
import Testing

@Suite struct VerifyTests {
    /// Thousands of random inserts, updates and deletes across the families, then `verify`: every index exact.
    @Test func randomOperationsAcrossFamiliesLeaveEveryIndexExact() throws {
        var random = SeededGenerator()
        let seed = random.seed
        let t = try TestStore()
        let store = t.store
        try store.installDefaultPipeline()
        let websites = ["w1", "w2", "w3"]
        var jobs: [String] = []
        var imports: [String] = []
        var documents: [String] = []
        for step in 0..<3_000 {
            t.clock.advance(by: Int64.random(in: 0...2_000_000, using: &random))
            do {
                switch Int.random(in: 0..<10, using: &random) {
                case 0:
                    jobs.append(
                        try store.startJob(
                            websiteID: websites.randomElement(using: &random)!,
                            processType: [.ingestion, .sync, "custom"].randomElement(using: &random)!
                        ).id)
                case 1, 2, 3:
                    guard let job = jobs.randomElement(using: &random), let record = try store.job(job) else {
                        continue
                    }
                    let url = "https://\(record.websiteID).example/\(Int.random(in: 0..<40, using: &random))"
                    let status: PageStatus = [.active, .active, .active, .error, .deleted].randomElement(
                        using: &random)!
                    _ = try? store.recordPage(
                        PageObservation(
                            websiteID: record.websiteID, url: url, status: status,
                            contentHash: XXH3.hash128("\(Int.random(in: 0..<3, using: &random))"),
                            batchID: "batch-\(Int.random(in: 0..<5, using: &random))", error: "e"),
                        by: job)
                case 4:
                    guard let job = jobs.randomElement(using: &random) else { continue }
                    _ = try? store.updateJobStatus(
                        job, to: [.completed, .failed, .paused, .running, .cancelled].randomElement(using: &random)!)
                case 5:
                    let user = "u\(Int.random(in: 0..<6, using: &random))"
                    let owner = "c\(Int.random(in: 0..<2, using: &random))"
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: _ = try? store.startBatchCrawl(userID: user, owner: owner, lease: 5_000_000)
                    case 1:
                        _ = try? store.completeBatchCrawl(
                            userID: user, owner: owner, sourcesCrawled: 1, sourcesFailed: 0)
                    case 2:
                        _ = try store.setSchedule(userID: user, frequencyHours: Int.random(in: 1...48, using: &random))
                    default: _ = try? store.failBatchCrawl(userID: user, owner: owner, error: "x")
                    }
                case 6:
                    var start = ImportStart(tableName: "t\(Int.random(in: 0..<3, using: &random))")
                    start.userID = "u\(Int.random(in: 0..<3, using: &random))"
                    start.fileHash = Hex.encode((0..<32).map { _ in UInt8.random(in: 0...1, using: &random) })
                    let record = try store.startImport(start)
                    try store.recordImportRows(
                        record.id, rowKeys: (0..<3).map { _ in "r\(Int.random(in: 0..<20, using: &random))" })
                    imports.append(record.id)
                case 7:
                    guard let id = imports.randomElement(using: &random) else { continue }
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0:
                        _ = try? store.completeImport(
                            id, ImportCompletion(status: [.success, .failed, .partial].randomElement(using: &random)!))
                    case 1: _ = try? store.rollbackImport(id)
                    default: _ = try store.purgeImports(olderThanDays: 0, batchSize: 2)
                    }
                case 8:
                    let id = "doc-\(documents.count)"
                    try store.addDocument(id: id)
                    documents.append(id)
                default:
                    guard let document = documents.randomElement(using: &random) else { continue }
                    let stage =
                        try store.nextRunnableStages(documentID: document).first
                        ?? StageDefinitionRecord.defaultPipeline.randomElement(using: &random)!.name
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: _ = try? store.startStage(documentID: document, stage: stage)
                    case 1: _ = try? store.completeStage(documentID: document, stage: stage)
                    case 2: _ = try? store.failStage(documentID: document, stage: stage, error: "boom")
                    default: _ = try? store.skipStage(documentID: document, stage: stage)
                    }
                }
            } catch {
                Issue.record("step \(step) failed unexpectedly: \(error) (replay with LINEAGE_TEST_SEED=\(seed))")
                return
            }
        }
        let report = try store.verify()
        #expect(report.problems == [], "replay with LINEAGE_TEST_SEED=\(seed)")
        #expect(report.recordsChecked > 1_000 && report.indexEntriesChecked > 1_000, "seed \(seed)")
        #expect(try store.countPages(.status(websiteID: "w1", .active)) >= 0)
    }

    @Test func missingStaleAndDamagedEntriesAreEachReportedPrecisely() throws {
        let t = try TestStore()
        try t.store.startJob(id: "j", websiteID: "w", processType: .ingestion)
        let page = try t.store.recordPage(
            PageObservation(websiteID: "w", url: "https://w.example/", contentHash: XXH3.hash128("a"), batchID: "b"),
            by: "j"
        ).page
        let path = t.store.path
        t.store.close()
        let environment = try Environment.open(EnvironmentOptions(path: path))
        let index = try environment.openDatabase("index")
        let records = try environment.openDatabase("records")
        try environment.write { txn in
            _ = try txn.delete(
                TupleCodec.encode([.int(IndexID.pagesByBatch.rawValue), "b", .string(page.id)]), in: index)
            try txn.put(
                [], forKey: TupleCodec.encode([.int(IndexID.pagesByBatch.rawValue), "stale", .string(page.id)]),
                in: index)
            try txn.put(
                [], forKey: TupleCodec.encode([.int(IndexID.jobsByStatus.rawValue), "running", 1, "ghost"]), in: index)
            let jobKey = TupleCodec.encode([.int(Int64(RecordKind.job.rawValue)), "j"])
            var bytes = try txn.value(in: records, forKey: jobKey)!
            bytes[bytes.count - 1] ^= 0x01
            try txn.put(bytes, forKey: jobKey, in: records)
        }
        environment.close()
        let store = try LineageStore.open(at: path, options: testOptions())
        let report = try store.verify()
        let messages = report.problems.map(\.description)
        #expect(
            messages.contains {
                $0.hasPrefix("records (3, \"\(page.id)\")") && $0.contains("pages_by_batch") && $0.contains("missing")
            }, "\(messages)")
        #expect(messages.contains { $0.contains("\"stale\"") && $0.contains("stale") }, "\(messages)")
        #expect(messages.contains { $0.contains("\"ghost\"") && $0.contains("does not exist") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("records (2, \"j\")") && $0.contains("checksum") }, "\(messages)")
        #expect(report.problems.count >= 4)
    }
}
