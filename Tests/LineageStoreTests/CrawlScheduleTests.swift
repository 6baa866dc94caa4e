import LineageFormat
import LineageStore
import Testing

@Suite struct CrawlScheduleTests {
    static let lease = 10 * 60 * Timestamp.second

    @Test func batchCrawlLifecycleRefusesDuplicatesAndSchedulesTheNextCrawl() throws {
        let t = try TestStore()
        let store = t.store
        let created = try store.setSchedule(userID: "u1", frequencyHours: 6)
        #expect(created.nextScheduledCrawlAt == t.clock.now(), "a new schedule is due at once")
        #expect(try store.dueSchedules(at: t.clock.now()).map(\.userID) == ["u1"])
        let started = try store.startBatchCrawl(userID: "u1", owner: "crawler-a", lease: Self.lease)
        #expect(started.leaseOwner == "crawler-a")
        #expect(try store.crawlStatus(userID: "u1").isCrawling)
        #expect(try store.dueSchedules(at: t.clock.now()).isEmpty, "a schedule being crawled is not offered again")
        #expect(
            throwsStoreError(.conflict, "crawler-a", "since", Timestamp.format(started.leaseSince)) {
                try store.startBatchCrawl(userID: "u1", owner: "crawler-b", lease: Self.lease)
            })
        t.advance(seconds: 90)
        let done = try store.completeBatchCrawl(userID: "u1", owner: "crawler-a", sourcesCrawled: 7, sourcesFailed: 1)
        #expect(done.lastBatchCrawlAt == t.clock.now())
        #expect(done.nextScheduledCrawlAt == t.clock.now() + 6 * Timestamp.hour)
        #expect(done.lastDurationSeconds == 90)
        #expect((done.sourcesCrawled, done.sourcesFailed) == (7, 1))
        #expect(done.leaseOwner == nil && !done.isCrawling(at: t.clock.now()))
        #expect(try store.dueSchedules(at: t.clock.now()).isEmpty)
        #expect(try store.dueSchedules(at: done.nextScheduledCrawlAt).map(\.userID) == ["u1"])
        #expect(
            throwsStoreError(.conflict, "no live lease") {
                try store.completeBatchCrawl(userID: "u1", owner: "crawler-a", sourcesCrawled: 1, sourcesFailed: 0)
            })
        #expect(try store.verify().isClean)
    }

    @Test func anExpiredLeaseIsRecoveredSoACrashedCrawlerNeverLeavesAUserStuck() throws {
        let t = try TestStore()
        let store = t.store
        try store.startBatchCrawl(userID: "u1", owner: "crashed", lease: Self.lease)
        t.advance(seconds: 9 * 60)
        #expect(
            throwsStoreError(.conflict, "crashed") {
                try store.startBatchCrawl(userID: "u1", owner: "rescuer", lease: Self.lease)
            })
        t.advance(seconds: 61)
        #expect(try store.dueSchedules(at: t.clock.now()).map(\.userID) == ["u1"], "an expired lease is due again")
        let recovered = try store.startBatchCrawl(userID: "u1", owner: "rescuer", lease: Self.lease)
        #expect(recovered.leaseOwner == "rescuer")
        #expect(recovered.leaseRecoveries == 1)
        #expect(
            throwsStoreError(.conflict, "crashed", "rescuer") {
                try store.completeBatchCrawl(userID: "u1", owner: "crashed", sourcesCrawled: 1, sourcesFailed: 0)
            })
        let renewed = try store.renewBatchCrawl(userID: "u1", owner: "rescuer", lease: 2 * Self.lease)
        #expect(renewed.leaseExpiresAt == t.clock.now() + 2 * Self.lease)
        let failed = try store.failBatchCrawl(userID: "u1", owner: "rescuer", error: "proxy down")
        #expect(failed.lastOutcome == "failed" && failed.lastError == "proxy down" && failed.leaseOwner == nil)
        #expect(try store.dueSchedules(at: t.clock.now()).map(\.userID) == ["u1"], "a failed batch stays due")
        try store.startBatchCrawl(userID: "u1", owner: "c", lease: Self.lease)
        #expect(try store.abandonBatchCrawl(userID: "u1", owner: "c").lastOutcome == "abandoned")
    }

    /// Seed 001's crawl history and batch logs: one record per batch with its owner, outcome, duration and
    /// per-source results, counts derived from those results unless the crawler counted them, a measured
    /// duration winning over the lease's age, and the status read creating the default schedule.
    @Test func everyBatchIsKeptWithItsSourceResultsAndDerivedCounts() throws {
        let t = try TestStore()
        let store = t.store
        #expect(try store.crawlStatus(userID: "u1").schedule == nil, "a plain read creates nothing")
        let first = try store.crawlStatusCreatingSchedule(userID: "u1")
        #expect(first.schedule?.frequencyHours == 24 && first.schedule?.nextScheduledCrawlAt == t.clock.now())
        #expect(try store.crawlStatusCreatingSchedule(userID: "u1").schedule == first.schedule, "created once")
        for id in ["s1", "s2", "s3"] { try store.setSource(userID: "u1", id: id, name: id, url: "https://\(id)") }

        try store.startBatchCrawl(userID: "u1", owner: "crashed", lease: Self.lease)
        try store.recordSourceCrawl(userID: "u1", sourceID: "s1")
        t.advance(seconds: 11 * 60)
        try store.startBatchCrawl(userID: "u1", owner: "rescuer", lease: Self.lease)
        try store.recordSourceCrawl(userID: "u1", sourceID: "s1", error: "HTTP 500")
        try store.recordSourceCrawl(userID: "u1", sourceID: "s2", error: "HTTP 403")
        try store.recordSourceCrawl(userID: "u1", sourceID: "s3")
        try store.recordSourceCrawl(userID: "u1", sourceID: "s1")
        t.advance(seconds: 120)
        let done = try store.completeBatchCrawl(userID: "u1", owner: "rescuer")
        #expect((done.sourcesCrawled, done.sourcesFailed) == (2, 1), "derived: s1 and s3 crawled, s2 failed")
        #expect(done.lastDurationSeconds == 120)
        try store.recordSourceCrawl(userID: "u1", sourceID: "s2")

        try store.startBatchCrawl(userID: "u1", owner: "crawler-c", lease: Self.lease)
        t.advance(seconds: 60)
        let measured = try store.completeBatchCrawl(
            userID: "u1", owner: "crawler-c", sourcesCrawled: 5, sourcesFailed: 0, durationSeconds: 45.5)
        #expect(measured.lastDurationSeconds == 45.5 && measured.sourcesCrawled == 5)
        #expect(
            throwsStoreError(.invalidInput, "duration_seconds") {
                try store.startBatchCrawl(userID: "u1", owner: "d", lease: Self.lease)
                try store.completeBatchCrawl(userID: "u1", owner: "d", durationSeconds: -1)
            })
        try store.releaseBatchCrawl(userID: "u1", by: "ops")

        let history = try store.crawlHistory(userID: "u1")
        #expect(history.map(\.outcome) == [.released, .completed, .completed, .expired], "newest first")
        #expect(history.map(\.sequence) == [3, 2, 1, 0])
        let expired = history[3]
        #expect(expired.owner == "crashed" && expired.crawledSources == ["s1"] && expired.durationSeconds == 600)
        let rescued = history[2]
        #expect(rescued.recoveredLease && rescued.crawledSources == ["s3", "s1"] && rescued.failedSources == ["s2"])
        #expect(rescued.completedAt != nil && rescued.durationSeconds == 120)
        #expect(history[1].crawledSources.isEmpty && history[1].sourcesCrawledCount == 5, "the crawler's own count")
        #expect(history[0].error.contains("ops") && history[0].completedAt != nil)
        #expect(try store.crawlHistory(userID: "u1", limit: 1).count == 1)
        #expect(try store.verify().isClean)
    }

    @Test func anOperatorReleasesAStuckLeaseWithoutItsOwnerAndTheReleaseIsRecorded() throws {
        let t = try TestStore()
        let store = t.store
        #expect(throwsStoreError(.notFound, "u1") { try store.releaseBatchCrawl(userID: "u1", by: "ops") })
        try store.setSchedule(userID: "u1")
        #expect(throwsStoreError(.conflict, "no batch crawl") { try store.releaseBatchCrawl(userID: "u1", by: "ops") })
        let started = try store.startBatchCrawl(userID: "u1", owner: "stuck-host", lease: Self.lease)
        #expect(throwsStoreError(.invalidInput, "operator") { try store.releaseBatchCrawl(userID: "u1", by: "") })
        let released = try store.releaseBatchCrawl(userID: "u1", by: "alice@ops")
        #expect(released.leaseOwner == nil)
        #expect(try !store.crawlStatus(userID: "u1").isCrawling)
        #expect(released.lastOutcome == "released")
        #expect(released.lastError.contains("stuck-host") && released.lastError.contains("alice@ops"))
        #expect(released.lastError.contains(Timestamp.format(started.leaseSince)))
        #expect(
            throwsStoreError(.conflict, "stuck-host") {
                try store.completeBatchCrawl(userID: "u1", owner: "stuck-host", sourcesCrawled: 1, sourcesFailed: 0)
            })
    }

    @Test func dueReturnsSchedulesInDueOrder() throws {
        let t = try TestStore()
        let store = t.store
        for (user, hours) in [("a", 5), ("b", 1), ("c", 3)] {
            try store.startBatchCrawl(userID: user, owner: "x", lease: Self.lease)
            try store.setSchedule(userID: user, frequencyHours: hours)
            try store.completeBatchCrawl(userID: user, owner: "x", sourcesCrawled: 1, sourcesFailed: 0)
        }
        let now = t.clock.now()
        #expect(try store.dueSchedules(at: now + 2 * Timestamp.hour).map(\.userID) == ["b"])
        #expect(try store.dueSchedules(at: now + 10 * Timestamp.hour).map(\.userID) == ["b", "c", "a"])
        #expect(try store.dueSchedules(at: now + 10 * Timestamp.hour, limit: 2).map(\.userID) == ["b", "c"])
    }

    @Test func crawlStatusCountsSources() throws {
        let t = try TestStore()
        let store = t.store
        try store.setSchedule(userID: "u")
        try store.setSource(userID: "u", id: "s1", name: "Docs", url: "https://docs.example")
        try store.setSource(userID: "u", id: "s2", name: "Blog", url: "https://blog.example")
        try store.setSource(userID: "other", id: "s3", name: "Other", url: "https://o.example")
        try store.recordSourceCrawl(userID: "u", sourceID: "s2", error: "403")
        let status = try store.crawlStatus(userID: "u")
        #expect((status.total, status.active, status.error) == (2, 1, 1))
        #expect(status.sources.map(\.id) == ["s1", "s2"])
        #expect(status.schedule?.frequencyHours == 24)
        #expect(!status.isCrawling)
        #expect(throwsStoreError(.notFound, "s9") { try store.recordSourceCrawl(userID: "u", sourceID: "s9") })
    }

    @Test func badScheduleInputIsRefused() throws {
        let t = try TestStore()
        let store = t.store
        #expect(
            throwsStoreError(.invalidInput, "frequency_hours") { try store.setSchedule(userID: "u", frequencyHours: 0) }
        )
        #expect(
            throwsStoreError(.invalidInput, "lease") { try store.startBatchCrawl(userID: "u", owner: "o", lease: 0) })
        try store.startBatchCrawl(userID: "u", owner: "o", lease: Self.lease)
        #expect(
            throwsStoreError(.invalidInput, "sources_crawled", "negative") {
                try store.completeBatchCrawl(userID: "u", owner: "o", sourcesCrawled: -1, sourcesFailed: 0)
            })
        #expect(try store.schedule(userID: "u")?.leaseOwner == "o", "the refused completion changed nothing")
    }
}
