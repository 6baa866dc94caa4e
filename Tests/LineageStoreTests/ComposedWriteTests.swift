import LineageFormat
import LineageStore
import Testing

/// Family operations on one ``WriteContext`` commit together or not at all.
@Suite struct ComposedWriteTests {
    static func observations(_ count: Int) -> [PageObservation] {
        (0..<count).map {
            PageObservation(
                websiteID: "site", url: "https://a.example/\($0)", contentHash: XXH3.hash128("\($0)"), batchID: "b-1")
        }
    }

    @Test func severalFamiliesCommitAsOne() throws {
        let t = try TestStore()
        let job = try t.store.write { tx in
            let job = try tx.startJob(id: "ingest-1", websiteID: "site", processType: .ingestion)
            try tx.recordPages(Self.observations(3), by: job.id)
            try tx.setSchedule(userID: "alice", frequencyHours: 12)
            try tx.startImport(ImportStart(tableName: "orders"))
            return try tx.completeJob(job.id)
        }
        #expect(job.status == .completed)
        #expect(job.urlsDiscovered == 3)
        #expect(try t.store.countPages(.createdBy("ingest-1")) == 3)
        #expect(try t.store.schedule(userID: "alice")?.frequencyHours == 12)
        #expect(try t.store.imports().total == 1)
    }

    @Test func aFailureInTheLastStepLeavesNothingOfTheEarlierOnes() throws {
        let t = try TestStore()
        try t.store.setSchedule(userID: "bob")
        #expect(
            throwsStoreError(.conflict, "bob", "crawler-1") {
                try t.store.startBatchCrawl(userID: "bob", owner: "crawler-1", lease: 60 * Timestamp.second)
                try t.store.write { tx in
                    let job = try tx.startJob(id: "ingest-2", websiteID: "site", processType: .ingestion)
                    try tx.recordPages(Self.observations(5), by: job.id)
                    try tx.recordContent(
                        FileDigests(size: 3, sha256: Array(repeating: 7, count: 32), xxh3: XXH3.hash128("abc")),
                        seenAt: "/data/abc")
                    try tx.completeJob(job.id)
                    try tx.startBatchCrawl(userID: "bob", owner: "crawler-2", lease: 60 * Timestamp.second)
                }
            })
        #expect(try t.store.job("ingest-2") == nil)
        #expect(try t.store.page(websiteID: "site", url: "https://a.example/0") == nil)
        #expect(try t.store.content(sha256: Array(repeating: 7, count: 32)) == nil)
        #expect(try t.store.schedule(userID: "bob")?.leaseOwner == "crawler-1")
        #expect(try t.store.verify().isClean)
    }

    @Test func aTransactionRefusesToReadFiles() throws {
        let t = try TestStore()
        var start = ImportStart(tableName: "orders")
        start.filePath = "/etc/hostname"
        #expect(
            throwsStoreError(.invalidInput, "/etc/hostname", "digests") {
                _ = try t.store.write { try $0.startImport(start) }
            })
        #expect(try t.store.imports().total == 0)
    }
}
