import Foundation
import LineageFormat
import LineageStore
import TestSupport
import Testing

/// Files written by every earlier released format version still open and read as they did.
@Suite struct FormatFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// A writable copy of a fixture database, opened with the current library.
    static func openCopy(_ version: String, in directory: TemporaryDirectory) throws -> LineageStore {
        let source = fixtures.appendingPathComponent("format-\(version)/lineage.db")
        let path = directory.path("copy.db")
        try FileManager.default.copyItem(atPath: source.path, toPath: path)
        return try LineageStore.open(at: path, options: testOptions())
    }

    /// The fixture's export, one JSON object per record.
    static func expectedRecords(_ version: String) throws -> [[String: Any]] {
        let text = try String(
            contentsOf: fixtures.appendingPathComponent("format-\(version)/export.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// Whether `value` is what a field added after the fixture was written exports for a record without it.
    static func isAbsentValue(_ value: Any) -> Bool {
        switch value {
        case is NSNull: true
        case let text as String: text.isEmpty
        case let number as NSNumber: number == 0
        case let array as [Any]: array.isEmpty
        default: false
        }
    }

    /// What a window remembers: its highest seq, how many updates it applied, and which seqs of the window
    /// below the highest it has seen, however it keeps them (a ring, or since 1.9 the length of a run).
    static func seenSeqs(_ object: [String: Any]) throws -> [UInt64] {
        var fields = object
        fields["kind"] = nil
        fields["job_id"] = nil
        let window = try ReporterWindowRecord(jsonObject: fields, context: "window")
        let span = min(window.highestSeq + 1, UInt64(ReporterWindowRecord.window))
        return [window.highestSeq, window.applied]
            + (0..<span).map { window.highestSeq - $0 }.filter { window.admission(of: $0) == .duplicate }
    }

    /// Every released format version with a fixture.
    static let versions = ["1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9"]

    @Test(arguments: versions) func anEarlierFileReadsEveryRecordAsWritten(version: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openCopy(version, in: directory)
        defer { store.close() }
        var lines: [String] = []
        try store.export { lines.append($0) }
        let exported = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        // The stat cache describes the machine that wrote the file; export leaves it out. Reporter windows,
        // records of their own until 1.8, are inside their jobs since 1.9.
        let all = try Self.expectedRecords(version).filter { $0["kind"] as? String != "stat_cache" }
        let windows = all.filter { $0["kind"] as? String == "reporter_window" }
        let expected = all.filter { $0["kind"] as? String != "reporter_window" }
        try #require(exported.count == expected.count)
        for window in windows {
            let job = exported.first {
                $0["kind"] as? String == "job" && $0["id"] as? String == window["job_id"] as? String
            }
            let moved = (job?["reporter_windows"] as? [[String: Any]])?.first {
                $0["reporter"] as? String == window["reporter"] as? String
            }
            #expect(
                try moved.map { try Self.seenSeqs($0) } == Self.seenSeqs(window),
                "the window of \(window["reporter"] ?? "") for \(window["job_id"] ?? "") keeps the seqs it saw")
        }
        for (line, (old, new)) in zip(expected, exported).enumerated() {
            // Fields renamed to the seeds' names in 1.5 are compared under their new names.
            let renamed = StoredTypes.type(named: old["kind"] as? String ?? "")?.renamedFields ?? [:]
            for (field, value) in old {
                let name = renamed[field] ?? field
                #expect(
                    new[name].map { NSDictionary(dictionary: ["v": $0]) } == NSDictionary(dictionary: ["v": value]),
                    "line \(line + 1): \(field)")
            }
            let carried = Set(old.keys.map { renamed[$0] ?? $0 } + ["reporter_windows"])
            for (field, value) in new where !carried.contains(field) {
                #expect(Self.isAbsentValue(value), "line \(line + 1): new field \(field) must read as absent")
            }
        }
        #expect(try store.verify().isClean)
    }

    @Test(arguments: versions) func anEarlierFileAnswersTypedQueries(version: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openCopy(version, in: directory)
        defer { store.close() }
        let crawl = try #require(try store.job("crawl-0"))
        #expect(crawl.processedItems == 4999)
        #expect(crawl.itemsByType == ["issues": 4000])
        #expect(try store.jobs().records.count == 4)
        let page = try #require(try store.pages(.status(websiteID: "docs.acme.dev", .active)).records.first)
        let trace = try store.trace(pageID: page.id)
        #expect(trace.createdBy != nil)
        #expect(trace.history.count >= 1)
        if version >= "1.4" {
            #expect(try store.stageOutputs(documentID: "doc-00").map(\.fileType) == ["chunks_json"], "1.4's file_type")
        }
        #expect(try store.importStatistics(days: 36_500).totalImports == 4)
        #expect(store.formatInfo.minor == UInt64(FormatVersion.minor), "a writer upgrades the file it opens")
        #expect(
            try store.stageOutputs(atStage: "chunker").records.map(\.documentID) == ["doc-00"], "1.8's index, built")
        #expect(try store.workflows().records.count == 2)
    }

    /// A file no writer has upgraded answers the indexes added since from its records, and verifies clean.
    @Test(arguments: versions) func anEarlierFileOpenedReadOnlyAnswersNewerIndexes(version: String) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("copy.db")
        try FileManager.default.copyItem(
            atPath: Self.fixtures.appendingPathComponent("format-\(version)/lineage.db").path, toPath: path)
        var options = testOptions()
        options.readOnly = true
        let store = try LineageStore.open(at: path, options: options)
        defer { store.close() }
        #expect(store.formatInfo.minor == UInt64(version.split(separator: ".").last!)!)
        #expect(try store.stageOutputs(atStage: "chunker").records.map(\.documentID) == ["doc-00"])
        let first = try store.workflows(limit: 1)
        let second = try store.workflows(limit: 1, cursor: first.nextCursor)
        #expect(first.records.count == 1 && second.records.count == 1 && second.nextCursor == nil)
        #expect(first.records[0].documentID != second.records[0].documentID)
        #expect(try store.verify().isClean)
    }

    /// Upgraded to 1.10, an earlier file gains an identity and a change feed that starts with its next write.
    @Test(arguments: versions) func anEarlierFileGainsAnIdentityAndAnEmptyFeed(version: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openCopy(version, in: directory)
        defer { store.close() }
        #expect(!store.formatInfo.storeID.isEmpty)
        #expect(!store.formatInfo.feedFromCreation, "its records from before the upgrade are in no entry")
        #expect(try store.read { try $0.changeBounds() } == nil, "the upgrade itself is no change")
        try store.setSchedule(userID: "after-upgrade")
        #expect(try store.changes(after: 0).map(\.sequence) == [1])
        #expect(try store.verify().isClean)
    }

    @Test(arguments: versions) func anEarlierFileTakesProgressExactlyOnce(version: String) async throws {
        let directory = try TemporaryDirectory()
        let store = try Self.openCopy(version, in: directory)
        defer { store.close() }
        let before = try #require(try store.job("crawl-0"))
        let replayed = try await store.ingest(
            ProgressUpdate(
                jobID: "crawl-0", reporter: "crawler-0", seq: 1000, processedItems: 1, itemsByType: ["issues": 7]))
        #expect(replayed.kind == .duplicate, "a seq the \(version) file already counted must stay counted once")
        let fresh = try await store.ingest(
            ProgressUpdate(jobID: "crawl-0", reporter: "crawler-0", seq: 1001, itemsByType: ["issues": 7]))
        #expect(fresh.kind == .applied)
        let after = try #require(try store.job("crawl-0"))
        #expect(after.itemsByType["issues"] == before.itemsByType["issues"]! + 7)
        #expect(try store.verify().isClean)
    }

    @Test(arguments: versions) func anEarlierExportLoadsUnderItsFieldNames(version: String) throws {
        let directory = try TemporaryDirectory()
        let store = try LineageStore.open(at: directory.path("loaded.db"), options: testOptions())
        defer { store.close() }
        let lines = try String(
            contentsOf: Self.fixtures.appendingPathComponent("format-\(version)/export.jsonl"), encoding: .utf8
        ).split(separator: "\n").enumerated().map { (number: $0 + 1, bytes: Array($1.utf8)) }
        let loaded = try store.load(jsonLines: lines)
        let statCache = lines.filter { String(decoding: $0.bytes, as: UTF8.self).contains(#""kind":"stat_cache""#) }
        #expect(loaded == lines.count - statCache.count, "everything but the local stat cache")
        let customers = try #require(try store.imports().imports.first { $0.tableName == "customers" })
        #expect(customers.fileSize > 0 && customers.startedAt > 0, "former names file_size and started_at")
        #expect(try store.verify().isClean)
    }
}
