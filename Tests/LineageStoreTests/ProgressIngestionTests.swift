import Foundation
import LineageStore
import Synchronization
import TestSupport
import Testing

@Suite struct ProgressIngestionTests {
    static func line(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func theCrawlerPayloadIsAcceptedExactlyInItsShape() throws {
        let t = try TestStore()
        let payload = """
            {"jobId": "job-42", "reporter": "crawler-a", "seq": 17, "timestamp": "2025-01-06T19:15:30.000Z",
             "status": "processing", "processedItems": 150, "totalItems": 1000, "currentDataType": "issues",
             "itemsByType": {"issues": 50}, "lastProcessedId": "issue-150", "stage": "data_collection",
             "operationType": "data_collection",
             "timeline": [{"event": "progress_update", "timestamp": "2025-01-06T19:15:30.000Z", "details": {"any": "json"}}],
             "error": {"message": "slow API", "context": {"status": 429}}}
            """
        let summary = try t.store.ingest(json: [Self.line(payload)])
        #expect(summary.outcomes == [ProgressOutcome(.applied)])
        let job = try #require(try t.store.job("job-42"))
        #expect(job.processType == .crawl && job.status == .running)
        #expect(job.processedItems == 150 && job.totalItems == 1000 && job.currentDataType == "issues")
        #expect(job.itemsByType == ["issues": 50] && job.lastProcessedID == "issue-150")
        #expect(job.stage == "data_collection" && job.operationType == "data_collection")
        #expect(job.startedAt == 1_736_190_930_000_000 && job.errorCount == 1)
        let events = try t.store.jobEvents("job-42")
        // The crawler's own event and error, between the store's stage change and its pace event.
        #expect(events.map(\.event) == ["stage_change", "progress_update", "error", "progress_update"])
        #expect(events[1].details == #"{"any":"json"}"# && events[2].details == #"{"status":429}"#)
        #expect(events.allSatisfy { $0.reporter == "crawler-a" && $0.reporterSequence == 17 })
        #expect(
            try t.store.ingest(json: [Self.line(#"{"taskId": "job-42", "processedItems": 10}"#)]).outcomes == [
                ProgressOutcome(.unkeyed)
            ])
        #expect(try t.store.job("job-42")?.processedItems == 150)
        #expect(try t.store.verify().isClean)
    }

    @Test func badLinesAreInvalidOneByOneAndEveryOtherUpdateApplies() throws {
        let t = try TestStore()
        let huge =
            Array(#"{"jobId": "j", "stage": ""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 10 << 20)
            + Array(#""}"#.utf8)
        let lines: [([UInt8], String?)] = [
            (Self.line(#"{"jobId": "j", "reporter": "r", "seq": 1, "itemsByType": {"a": 2}}"#), nil),
            (Self.line(#"{"jobId": "j", "seq": "#), "JSON"),
            (Self.line(#"{"jobId": "j", "processedItems": "many"}"#), "processedItems"),
            (Self.line(#"{"jobId": "j", "itemsByType": {"a": -3}}"#), "negative"),
            (Self.line(#"{"jobId": "j", "totalItems": 92233720368547758070}"#), "64 bits"),
            (Self.line(#"{"jobId": "j", "status": "exploded"}"#), "unknown status"),
            (Self.line(#"{"reporter": "r", "seq": 9}"#), "jobId is missing"),
            (Self.line(#"{"jobId": "j", "timestamp": "yesterday"}"#), "RFC 3339"),
            (Self.line(#"["not", "an", "object"]"#), "object"),
            ([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D], "UTF-8"),
            (huge, "limit"),
            (Self.line(#"{"jobId": "j", "reporter": "r", "seq": 2, "itemsByType": {"a": 3}}"#), nil),
        ]
        let summary = try t.store.ingest(json: lines.map(\.0))
        for ((_, expected), outcome) in zip(lines, summary.outcomes) {
            if let expected {
                #expect(outcome.kind == .invalid && outcome.message.contains(expected), "\(outcome)")
            } else {
                #expect(outcome.kind == .applied)
            }
        }
        #expect(summary.counts == [.applied: 2, .invalid: 10])
        #expect(try t.store.job("j")?.itemsByType == ["a": 5])
    }

    @Test func unknownJobsAreCreatedUnlessStrict() throws {
        let t = try TestStore()
        let update = ProgressUpdate(jobID: "new-job", reporter: "r", seq: 1, processedItems: 5)
        let strict = try t.store.ingest([update], strict: true)
        #expect(strict.outcomes.map(\.kind) == [.unknownJob] && strict.outcomes[0].message.contains("new-job"))
        #expect(try t.store.job("new-job") == nil)
        try t.store.startJob(id: "known", websiteID: "w", processType: .ingestion)
        let known = ProgressUpdate(jobID: "known", reporter: "r", seq: 1, processedItems: 3)
        #expect(try t.store.ingest([known], strict: true).outcomes.map(\.kind) == [.applied])
        #expect(try t.store.job("known")?.processType == .ingestion, "an existing job keeps its type")
        #expect(try t.store.ingest([update]).outcomes.map(\.kind) == [.applied])
        #expect(try t.store.job("new-job")?.processType == .crawl)
    }

    @Test func aChangeMadeOutsideIngestionIsNeverLostToTheWritersCache() throws {
        let t = try TestStore()
        try t.store.startJob(id: "j", websiteID: "w", processType: .crawl)
        _ = try t.store.ingest([ProgressUpdate(jobID: "j", reporter: "r", seq: 1, processedItems: 10)])
        try t.store.recordJobError("j", message: "timeout on /a")
        _ = try t.store.ingest([ProgressUpdate(jobID: "j", reporter: "r", seq: 2, processedItems: 20)])
        let job = try #require(try t.store.job("j"))
        #expect(job.errorCount == 1 && job.lastError == "timeout on /a", "the error written between batches stays")
        #expect(job.processedItems == 20 && job.progressUpdates == 2)
        let duplicate = try t.store.ingest([ProgressUpdate(jobID: "j", reporter: "r", seq: 2, processedItems: 99)])
        #expect(duplicate.outcomes.map(\.kind) == [.duplicate], "the window written by the writer is still read")
    }

    @Test func theWriterThreadIsNamedForProfilers() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/task") else { return }
        let t = try TestStore()
        _ = try t.store.ingest([ProgressUpdate(jobID: "j", reporter: "r", seq: 1, processedItems: 1)])
        // The store must outlive the listing: released early, it would close and end its writer thread.
        let names = try withExtendedLifetime(t) {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").compactMap {
                try? String(contentsOfFile: "/proc/self/task/\($0)/comm", encoding: .utf8)
            }
        }
        #expect(names.contains("lineage-writer\n"), "thread names: \(Set(names))")
    }

    @Test func retentionKeepsTheLastEventsPerJobInTheSameTransaction() throws {
        let directory = try TemporaryDirectory()
        var options = testOptions()
        options.eventRetention = 50
        options.progressEventPace = 0
        let store = try LineageStore.open(at: directory.path("db"), options: options)
        let updates = (0..<120).map { seq in
            ProgressUpdate(jobID: "j", reporter: "r", seq: UInt64(seq), timeline: [.init(event: "tick-\(seq)")])
        }
        _ = try store.ingest(Array(updates[..<70]))
        _ = try store.ingest(Array(updates[70...]))
        let events = try store.jobEvents("j")
        #expect(events.count == 50)
        #expect(events.first?.event == "tick-70" && events.last?.event == "tick-119")
        #expect(try store.job("j")?.firstEventSequence == 70)
        #expect(try store.verify().isClean)
    }

    @Test func concurrentAsyncCallersAreGroupCommittedExactlyOnce() async throws {
        let t = try TestStore()
        let store = t.store
        let outcomes = try await withThrowingTaskGroup(of: [ProgressOutcome].self) { group in
            for reporter in 0..<8 {
                group.addTask {
                    var results: [ProgressOutcome] = []
                    for seq in 0..<200 {
                        let update = ProgressUpdate(
                            jobID: "job-\(reporter % 2)", reporter: "r\(reporter)", seq: UInt64(seq % 150),
                            processedItems: Int64(seq), itemsByType: ["pages": 1])
                        results.append(try await store.ingest(update))
                    }
                    return results
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(outcomes.count == 1_600)
        #expect(outcomes.filter { $0.kind == .applied }.count == 1_200)
        #expect(outcomes.filter { $0.kind == .duplicate }.count == 400)
        #expect(try store.job("job-0")?.itemsByType["pages"] == 600)
        #expect(try store.job("job-1")?.processedItems == 149, "updates refused as duplicates set nothing")
        #expect(try store.verify().isClean)
    }

    @Test func aReceiptCarriesTheJobAsCommittedWithTheUpdate() async throws {
        let t = try TestStore()
        let store = t.store
        let expected: [(UInt64, ProgressOutcome.Kind)] = [(1, .applied), (2, .applied), (2, .duplicate), (3, .applied)]
        for (seq, kind) in expected {
            let receipt = try await store.receipt(
                for: ProgressUpdate(jobID: "j", reporter: "r", seq: seq, itemsByType: ["x": 1]))
            #expect(receipt.outcome.kind == kind)
            #expect(receipt.job == (try store.job("j")), "seq \(seq)")
        }
        #expect(try store.job("j")?.itemsByType == ["x": 3])
        let invalid = try await store.receipt(for: ProgressUpdate(jobID: "", reporter: "r", seq: 1))
        #expect(invalid.outcome.kind == .invalid && invalid.job == nil)
        let unknown = try await store.receipt(for: ProgressUpdate(jobID: "none", reporter: "r", seq: 1), strict: true)
        #expect(unknown.outcome.kind == .unknownJob && unknown.job == nil)

        // Concurrent callers share commits; each sees a job that holds at least its own update.
        let receipts = try await withThrowingTaskGroup(of: ProgressReceipt.self) { group in
            for seq in 10..<60 {
                group.addTask {
                    try await store.receipt(
                        for: ProgressUpdate(jobID: "j", reporter: "r", seq: UInt64(seq), itemsByType: ["x": 1]))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(receipts.allSatisfy { $0.outcome.kind == .applied && ($0.job?.itemsByType["x"] ?? 0) >= 4 })
        let final = try #require(try store.job("j"))
        #expect(receipts.map { $0.job?.progressUpdates ?? 0 }.max() == final.progressUpdates)
        #expect(final.itemsByType == ["x": 53])
    }

    /// The form for an event loop never waits: it queues while there is room, and refuses (queuing nothing,
    /// never completing) while the writer's queue is full or once the store is closed.
    @Test func receiptsWithoutWaitingRefuseAFullQueueAndAClosedStore() throws {
        let directory = try TemporaryDirectory()
        var options = StoreOptions()
        options.ingestQueueCapacity = 1
        let store = try LineageStore.open(at: directory.path("db"), options: options)
        let (entered, release, committed) = (
            DispatchSemaphore(value: 0), DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)
        )
        let holder = Thread {  // keeps the writer inside a transaction, so what is queued next stays queued
            _ = try? store.write { _ in
                entered.signal()
                release.wait()
            }
        }
        holder.start()
        entered.wait()
        let outcome = Mutex<ProgressOutcome.Kind?>(nil)
        let queued = store.receiptIfRoom(for: ProgressUpdate(jobID: "j", reporter: "r", seq: 1)) { result in
            outcome.withLock { $0 = try? result.get().outcome.kind }
            committed.signal()
        }
        #expect(queued)
        let refused = store.receiptIfRoom(for: ProgressUpdate(jobID: "j", reporter: "r", seq: 2)) { _ in
            Issue.record("a refused update was completed")
        }
        #expect(!refused)
        release.signal()
        committed.wait()
        #expect(outcome.withLock { $0 } == .applied)
        #expect(try store.job("j")?.progressUpdates == 1)
        store.close()
        #expect(!store.receiptIfRoom(for: ProgressUpdate(jobID: "j", reporter: "r", seq: 3)) { _ in })
    }

    @Test func acknowledgedUpdatesSurviveReopening() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("db")
        var options = StoreOptions()
        options.durability = .durable
        let store = try LineageStore.open(at: path, options: options)
        _ = try store.ingest(
            (0..<10).map { ProgressUpdate(jobID: "j", reporter: "r", seq: UInt64($0), itemsByType: ["x": 1]) })
        store.close()
        let reopened = try LineageStore.open(at: path, options: options)
        #expect(try reopened.job("j")?.itemsByType == ["x": 10])
        let replay = try reopened.ingest(
            (0..<10).map { ProgressUpdate(jobID: "j", reporter: "r", seq: UInt64($0), itemsByType: ["x": 1]) })
        #expect(replay.counts == [.duplicate: 10], "replaying after a restart changes nothing")
        #expect(
            throwsStoreError(.storage, "closed") {
                reopened.close()
                _ = try reopened.ingest([ProgressUpdate(jobID: "j")])
            })
    }
}
