import Foundation
import LineageFormat
import LineageStore
import Synchronization
import TestSupport
import Testing

/// Every write goes through the group-commit writer: concurrent bodies commit together, yet each one that
/// throws discards only its own changes, and a full map replays the whole group.
@Suite struct GroupCommitTests {
    @Test func concurrentWritesCommitTogetherAndAFailingBodyLosesOnlyItsOwnChanges() throws {
        let t = try TestStore()
        let store = t.store
        let threads = 8
        let perThread = 60
        let failures = Mutex<[String: String]>([:])
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<perThread {
                let id = "t\(thread)-\(index)"
                do {
                    try store.write { tx in
                        try tx.startJob(id: id, websiteID: "site", processType: .sync)
                        try tx.setSchedule(userID: id)
                        // Every seventh body fails after writing, which must leave nothing of it.
                        if index % 7 == 3 { try tx.startJob(id: id, websiteID: "site", processType: .sync) }
                    }
                } catch {
                    failures.withLock { $0[id] = "\(error)" }
                }
            }
        }
        let failed = failures.withLock { $0 }
        #expect(failed.count == threads * (0..<perThread).filter { $0 % 7 == 3 }.count)
        #expect(failed.values.allSatisfy { $0.hasPrefix("duplicate") })
        for thread in 0..<threads {
            for index in 0..<perThread {
                let id = "t\(thread)-\(index)"
                let kept = failed[id] == nil
                #expect(try (t.store.job(id) != nil) == kept, "job \(id)")
                #expect(try (t.store.schedule(userID: id) != nil) == kept, "schedule \(id)")
            }
        }
        #expect(try t.store.verify().isClean)
    }

    @Test func progressAndWritesInOneGroupApplyInQueueOrder() async throws {
        let t = try TestStore()
        let store = t.store
        try await withThrowingTaskGroup(of: Void.self) { group in
            for job in 0..<20 {
                group.addTask {
                    try store.startJob(id: "job-\(job)", websiteID: "site", processType: .sync)
                    for seq in 1...5 {
                        let update = ProgressUpdate(
                            jobID: "job-\(job)", reporter: "crawler", seq: UInt64(seq), processedItems: Int64(seq))
                        #expect(try await store.ingest(update, strict: true).kind == .applied)
                    }
                    try store.completeJob("job-\(job)")
                }
            }
            try await group.waitForAll()
        }
        for job in 0..<20 {
            let record = try #require(try t.store.job("job-\(job)"))
            #expect(record.status == .completed)
            #expect(record.processedItems == 5)
        }
    }

    @Test func aWriteInsideAWriteIsRefusedRatherThanDeadlocking() throws {
        let t = try TestStore()
        #expect(
            throwsStoreError(.invalidInput, "inside a write transaction") {
                try t.store.write { _ in _ = try t.store.startJob(id: "inner", websiteID: "site", processType: .sync) }
            })
        #expect(try t.store.job("inner") == nil)
        try t.store.startJob(id: "after", websiteID: "site", processType: .sync)
        #expect(try t.store.job("after") != nil)
    }

    @Test func aGroupThatFillsTheMapIsReplayedWhole() throws {
        let directory = try TemporaryDirectory()
        var options = testOptions()
        options.mapSize = 1 << 20
        let store = try LineageStore.open(at: directory.path("db.lineage"), options: options)
        defer { store.close() }
        let metadata = "\"" + String(repeating: "m", count: 49_998) + "\""
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for index in 0..<25 {
                do {
                    try store.startJob(
                        id: "t\(thread)-\(index)", websiteID: "site", processType: .sync, metadata: metadata)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        for thread in 0..<4 {
            for index in 0..<25 { #expect(try store.job("t\(thread)-\(index)")?.metadata?.count == 50_000) }
        }
        #expect(try store.verify().isClean)
    }

    @Test func writesAfterCloseFailWithAStorageError() throws {
        let t = try TestStore()
        try t.store.startJob(id: "before", websiteID: "site", processType: .sync)
        t.store.close()
        #expect(throwsStoreError(.storage, "closed") { try t.store.startJob(websiteID: "site", processType: .sync) })
    }
}
