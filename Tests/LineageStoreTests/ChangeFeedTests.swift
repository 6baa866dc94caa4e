import Foundation
import LineageFormat
import LineageStore
import TestSupport
import Testing

/// Every committed write appends to the change feed in the same transaction; consumers keep their positions
/// and retention never drops what a consumer has not passed unless forced.
@Suite struct ChangeFeedTests {
    /// Every record the store exports, as its export line without the kind, with sorted keys.
    static func exported(_ store: LineageStore) throws -> [String] {
        var records: [String] = []
        try store.export { line in
            var object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            object["kind"] = nil
            records.append(
                String(
                    decoding: try! JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self))
        }
        return records
    }

    /// The map a consumer builds by replaying the feed: each put reads the record now, each delete removes it.
    static func replayed(_ store: LineageStore) throws -> [String: String] {
        var records: [String: String] = [:]
        for change in try store.changes(after: 0, limit: .max) {
            let name = "\(change.kind.name) \(change.key)"
            switch change.operation {
            case .put: records[name] = change.record.map(sorted)
            default: records[name] = nil
            }
        }
        return records.compactMapValues { $0 }
    }

    static func sorted(_ json: String) -> String {
        let object = try! JSONSerialization.jsonObject(with: Data(json.utf8))
        return String(
            decoding: try! JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
    }

    @Test func everyWriteIsAnEntryInCommitOrderWithItsRecordAsItIsNow() throws {
        let t = try TestStore()
        #expect(try t.store.changes(after: 0).isEmpty)
        let job = try t.store.write { tx in
            let job = try tx.startJob(id: "job-1", websiteID: "site", processType: .ingestion)
            try tx.recordPages(ComposedWriteTests.observations(2), by: job.id)
            return job
        }
        try t.store.completeJob(job.id)
        let changes = try t.store.changes(after: 0)
        #expect(changes.map(\.sequence) == Array(1...UInt64(changes.count)))
        #expect(changes.first?.kind == .job && changes.first?.key == [.string("job-1")])
        #expect(changes.contains { $0.kind == .page } && changes.contains { $0.kind == .pageVersion })
        #expect(changes.allSatisfy { $0.operation == .put })
        let last = try #require(changes.last)
        #expect(last.kind == .job)
        #expect(last.record?.contains(#""status":"completed""#) == true)
        #expect(try t.store.changes(after: last.sequence).isEmpty)
        #expect(try t.store.changes(after: 1, limit: 2).map(\.sequence) == [2, 3])
        let line = try #require(try JSONSerialization.jsonObject(with: Data(last.jsonLine.utf8)) as? [String: Any])
        #expect(line["kind"] as? String == "job" && line["operation"] as? String == "put")
        #expect((line["record"] as? [String: Any])?["id"] as? String == "job-1")
        #expect(try t.store.verify().isClean)
    }

    @Test func aWriteThatFailsLeavesNoEntryAndSequencesStayContiguous() async throws {
        let t = try TestStore()
        let store = t.store
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask {
                    do {
                        try await store.write { tx in
                            try tx.setSchedule(userID: "user-\(index)")
                            if index % 3 == 0 { throw StoreError(.conflict, "refused \(index)") }
                        }
                    } catch let error as StoreError where error.code == .conflict {}
                }
            }
            try await group.waitForAll()
        }
        let changes = try t.store.changes(after: 0, limit: .max)
        #expect(changes.map(\.sequence) == Array(1...UInt64(changes.count)))
        let users = Set(
            changes.compactMap { change -> String? in
                guard case .string(let user)? = change.key.first else { return nil }
                return user
            })
        #expect(users == Set((0..<40).filter { $0 % 3 != 0 }.map { "user-\($0)" }))
    }

    @Test func progressIsReportedAsItsJobAndDeletesAsDeletes() throws {
        let t = try TestStore()
        _ = try t.store.ingest((1...5).map { ProgressUpdate(jobID: "crawl-1", reporter: "r", seq: UInt64($0)) })
        let progress = try t.store.changes(after: 0).filter { $0.kind == .job }
        #expect(!progress.isEmpty && progress.allSatisfy { $0.key == [.string("crawl-1")] })
        #expect(!(try t.store.changes(after: 0)).contains { $0.kind == .jobProgress })
        let started = try t.store.startImport(ImportStart(tableName: "orders"))
        try t.store.recordImportRows(started.id, rowKeys: ["a", "b"])
        try t.store.completeImport(started.id, ImportHistoryTests.success(2))
        let before = try t.store.read { try $0.lastChangeSequence() }
        _ = try t.store.rollbackImport(started.id)
        let rollback = try t.store.changes(after: before)
        #expect(rollback.filter { $0.kind == .importRow && $0.operation == .delete }.count == 2)
        #expect(rollback.filter { $0.operation == .delete }.allSatisfy { $0.record == nil })
    }

    @Test func thisMachinesStatCacheIsNoChangeButTheContentItFoundIs() throws {
        let t = try TestStore()
        let file = t.directory.path("data.csv")
        try Data("id,name\n1,a\n".utf8).write(to: URL(fileURLWithPath: file))
        try t.store.hashFile(at: file, register: true)
        let kinds = Set(try t.store.changes(after: 0).map(\.kind))
        #expect(kinds == [.content, .sighting], "the stat cache stays out of the feed, as out of the export")
    }

    @Test func replayingTheFeedRebuildsWhatTheStoreHolds() throws {
        var generator = SeededGenerator()
        let t = try TestStore()
        for step in 0..<60 {
            let user = "user-\(Int.random(in: 0..<6, using: &generator))"
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: try t.store.setSchedule(userID: user, frequencyHours: Int.random(in: 1...48, using: &generator))
            case 1:
                _ = try? t.store.write { tx in
                    try tx.setSchedule(userID: user)
                    throw StoreError(.conflict, "step \(step) refused")
                }
            case 2:
                _ = try t.store.ingest([
                    ProgressUpdate(jobID: user, reporter: "r", seq: UInt64(step + 1))
                ])
            case 3:
                let started = try t.store.startImport(ImportStart(tableName: user))
                try t.store.recordImportRows(started.id, rowKeys: ["\(step)"])
                try t.store.completeImport(started.id, ImportHistoryTests.success(1))
                if Bool.random(using: &generator) { _ = try t.store.rollbackImport(started.id) }
            default:
                t.advance(seconds: 1)
            }
        }
        let replayed = try Self.replayed(t.store)
        let exported = try Self.exported(t.store)
        #expect(Set(replayed.values) == Set(exported), "seed \(generator.seed)")
        #expect(replayed.count == exported.count, "seed \(generator.seed): the feed names every exported record once")
    }

    @Test func consumersKeepTheirEntriesUntilTheyPassThemOrAPruneIsForced() throws {
        let t = try TestStore()
        for user in ["a", "b", "c", "d"] { try t.store.setSchedule(userID: user) }
        let mirror = try t.store.registerChangeConsumer("mirror", at: 0)
        #expect(mirror.position == 0)
        #expect(try t.store.registerChangeConsumer("late").position == 4)
        #expect(throwsStoreError(.duplicate, "mirror") { try t.store.registerChangeConsumer("mirror") })
        #expect(throwsStoreError(.invalidInput, "beyond") { try t.store.moveChangeConsumer("mirror", to: 9) })
        #expect(throwsStoreError(.notFound, "ghost") { try t.store.moveChangeConsumer("ghost", to: 1) })
        #expect(throwsStoreError(.conflict, "mirror at 0") { _ = try t.store.pruneChanges(through: 2) })
        try t.store.moveChangeConsumer("mirror", to: 2)
        let pruned = try t.store.pruneChanges(through: 2)
        #expect(pruned.removed == 2 && pruned.firstKept == 3 && pruned.overtaken.isEmpty)
        #expect(try t.store.read { try $0.changeBounds() } == 3...4)
        #expect(throwsStoreError(.pruned, "1…2") { _ = try t.store.changes(after: 0) })
        let forced = try t.store.pruneChanges(through: 10, force: true)
        #expect(forced.removed == 1 && forced.firstKept == 4 && forced.overtaken == ["mirror"])
        #expect(throwsStoreError(.pruned) { _ = try t.store.changes(after: 2) })
        try t.store.removeChangeConsumer("mirror")
        #expect(try t.store.read { try $0.changeConsumers().map(\.name) } == ["late"])
        try t.store.setSchedule(userID: "e")
        #expect(try t.store.changes(after: 4).map(\.sequence) == [5], "sequences go on after a prune")
        #expect(try t.store.verify().isClean)
    }

    @Test func retentionRemovesOldEntriesButNeverOnesAConsumerNeedsNorTheNewest() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock(start: 1_736_190_930_000_000)
        var options = testOptions(clock: clock)
        options.changeRetention = 60 * Timestamp.second
        let store = try LineageStore.open(at: directory.path("db.lineage"), options: options)
        for user in ["a", "b", "c"] { try store.setSchedule(userID: user) }
        try store.registerChangeConsumer("slow", at: 1)
        clock.advance(by: 120 * Timestamp.second)
        try store.setSchedule(userID: "d")
        #expect(try store.read { try $0.changeBounds() } == 2...4, "entry 1, passed and old, is gone")
        try store.removeChangeConsumer("slow")
        clock.advance(by: 120 * Timestamp.second)
        try store.write { _ in }
        #expect(try store.read { try $0.changeBounds() } == 4...4, "the newest entry stays")
        try store.setSchedule(userID: "e")
        #expect(try store.changes(after: 4).map(\.sequence) == [5])
    }

    @Test func aFollowingStreamSeesCommitsMadeAfterItStarted() async throws {
        let t = try TestStore()
        try t.store.setSchedule(userID: "first")
        let store = t.store
        let reader = Task {
            var seen: [UInt64] = []
            for try await change in store.changeStream(after: 0, follow: true, pollInterval: .milliseconds(5)) {
                seen.append(change.sequence)
                if seen.count == 3 { break }
            }
            return seen
        }
        try await Task.sleep(for: .milliseconds(50))
        try t.store.setSchedule(userID: "second")
        try t.store.setSchedule(userID: "third")
        #expect(try await reader.value == [1, 2, 3])
        var ended: [UInt64] = []
        for try await change in t.store.changeStream(after: 1, chunk: 1) { ended.append(change.sequence) }
        #expect(ended == [2, 3], "without follow the stream ends at the last entry")
    }

    @Test func eachStoreHasItsOwnStableIdentity() throws {
        let one = try TestStore()
        let two = try TestStore()
        #expect(!one.store.formatInfo.storeID.isEmpty)
        #expect(one.store.formatInfo.storeID != two.store.formatInfo.storeID)
        #expect(one.store.formatInfo.feedFromCreation, "a new file's feed names every record it will hold")
        let path = one.store.path
        let id = one.store.formatInfo.storeID
        one.store.close()
        #expect(try LineageStore.open(at: path, options: testOptions()).formatInfo.storeID == id)
    }
}
