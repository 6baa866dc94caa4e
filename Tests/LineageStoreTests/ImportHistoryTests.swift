import Foundation
import LineageFormat
import LineageStore
import TestSupport
import Testing

@Suite struct ImportHistoryTests {
    static func start(_ table: String, user: String = "alice", hash: String = "") -> ImportStart {
        var start = ImportStart(tableName: table)
        start.fileName = "\(table).csv"
        start.fileType = "csv"
        start.fileHash = hash
        start.userID = user
        start.userEmail = "\(user)@example.com"
        start.mappingConfig = #"{"id":"customer_id"}"#
        return start
    }

    static func success(_ rows: Int) -> ImportCompletion {
        var completion = ImportCompletion(status: .success)
        completion.totalRows = rows
        completion.processedRows = rows
        completion.insertedRows = rows
        return completion
    }

    @Test func trackingListsFiltersPaginatesAndSummarizes() throws {
        let t = try TestStore()
        let store = t.store
        let first = try store.startImport(Self.start("customers"))
        #expect(first.status == .inProgress)
        t.advance(seconds: 12)
        let done = try store.completeImport(first.id, Self.success(100))
        #expect(done.durationSeconds == 12)
        #expect(done.completedAt == t.clock.now())
        let second = try store.startImport(Self.start("orders", user: "bob"))
        t.advance(seconds: 3)
        var failure = ImportCompletion(status: .failed)
        failure.errorMessage = "column mismatch"
        failure.validationErrors = #"[{"row":3,"error":"bad date"}]"#
        try store.completeImport(second.id, failure)
        let third = try store.startImport(Self.start("customers", user: "bob"))
        var partial = ImportCompletion(status: .partial)
        partial.processedRows = 50
        partial.insertedRows = 40
        partial.skippedRows = 10
        partial.duplicatesFound = 10
        t.advance(seconds: 6)
        try store.completeImport(third.id, partial)
        let running = try store.startImport(Self.start("orders"))

        let all = try store.imports()
        #expect(all.total == 4)
        #expect(all.imports.map(\.id) == [running.id, third.id, second.id, first.id], "newest first")
        let customers = try store.imports(ImportFilter(tableName: "customers"))
        #expect(customers.imports.map(\.id) == [third.id, first.id])
        #expect(try store.imports(ImportFilter(userID: "bob")).total == 2)
        #expect(try store.imports(ImportFilter(tableName: "orders", status: .failed)).imports.map(\.id) == [second.id])
        let page = try store.imports(limit: 2, offset: 1)
        #expect(page.imports.map(\.id) == [third.id, second.id] && page.total == 4)
        #expect(try store.imports(ImportFilter(since: third.startedAt)).total == 2)
        #expect(try store.imports(ImportFilter(until: third.startedAt)).total == 2)
        // Seed 002's slow imports: durations 12, 3 and 6 seconds (and one still running).
        let slow = try store.imports(ImportFilter(minDurationSeconds: 6))
        #expect(slow.imports.map(\.id) == [third.id, first.id] && slow.total == 2)
        #expect(try store.imports(ImportFilter(tableName: "customers", minDurationSeconds: 10)).total == 1)

        let statistics = try store.importStatistics(days: 7)
        #expect(statistics.totalImports == 4)
        #expect((statistics.successfulImports, statistics.failedImports, statistics.partialImports) == (1, 1, 1))
        #expect(statistics.inProgressImports == 1)
        #expect(statistics.totalRowsInserted == 140 && statistics.totalRowsSkipped == 10)
        #expect(statistics.totalDuplicatesFound == 10)
        #expect(statistics.averageDurationSeconds == 7)
        #expect(abs(statistics.successRate - 1.0 / 3.0) < 1e-9)
        #expect(statistics.byTable.map(\.tableName) == ["customers", "orders"])
        #expect(try store.importStatistics(days: 7, tableName: "orders").totalImports == 2)
        t.advance(seconds: 8 * 86_400)
        #expect(try store.importStatistics(days: 7).totalImports == 0, "the window moves with the clock")

        let lineage = try store.tableLineage("customers")
        #expect(lineage.imports.count == 2 && lineage.rowsContributed == 140)

        try store.rollbackImport(third.id)
        let afterRollback = try store.importStatistics(days: 30)
        #expect(afterRollback.totalImports == 4 && afterRollback.rolledBackImports == 1)
        #expect(afterRollback.totalRowsInserted == 100, "the rolled-back import's 40 rows are gone")
        #expect(afterRollback.successRate == 0.5, "one success of two finished imports that still stand")
        #expect(afterRollback.averageDurationSeconds == 7.5)
        #expect(throwsStoreError(.conflict, "already success") { try store.completeImport(first.id, Self.success(1)) })
    }

    @Test func duplicateFilesAreDetectedByHashAndRegistered() throws {
        let t = try TestStore()
        let store = t.store
        let file = try t.directory.write("in.csv", Array("id,name\n1,a\n".utf8))
        var start = Self.start("customers")
        start.filePath = file
        start.fileName = ""
        let first = try store.startImport(start)
        #expect(first.fileHash.count == 64 && first.fileSize == 12 && first.fileName == "in.csv")
        let copy = try t.directory.write("copy.csv", Array("id,name\n1,a\n".utf8))
        start.filePath = copy
        let second = try store.startImport(start)
        try store.startImport(Self.start("other", hash: String(repeating: "ab", count: 32)))
        let duplicates = try store.duplicateImports()
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.fileHash == first.fileHash)
        #expect(duplicates.first?.imports.map(\.id) == [first.id, second.id])
        #expect(try store.imports(fileHash: first.fileHash).count == 2)
        let byHash = try store.imports(ImportFilter(fileHash: first.fileHash))
        #expect(byHash.total == 2 && byHash.imports.allSatisfy { $0.fileHash == first.fileHash })
        #expect(try store.imports(ImportFilter(fileHash: String(repeating: "0", count: 64))).total == 0)
        let sightings = try store.sightings(sha256: Hex.decode(first.fileHash)!)
        #expect(Set(sightings.map(\.location)) == ["import:\(first.id)", "import:\(second.id)"])
    }

    @Test func rowLineageAnswersBothDirectionsAndRollbackHandsBackExactlyTheRows() throws {
        let t = try TestStore()
        let store = t.store
        let first = try store.startImport(Self.start("customers"))
        try store.recordImportRows(first.id, rowKeys: ["1", "2", "3"])
        try store.completeImport(first.id, Self.success(3))
        let second = try store.startImport(Self.start("customers"))
        try store.recordImportRows(second.id, rowKeys: ["3", "4"])
        try store.recordImportRows(second.id, tableName: "audit", rowKeys: ["3"])
        try store.completeImport(second.id, Self.success(2))
        #expect(try store.rows(ofImport: first.id).map(\.rowKey) == ["1", "2", "3"])
        #expect(try store.imports(ofTable: "customers", row: "3").map(\.id) == [first.id, second.id])
        #expect(try store.imports(ofTable: "audit", row: "3").map(\.id) == [second.id])
        #expect(try store.imports(ofTable: "customers", row: "5").isEmpty)

        let preview = try store.rollbackImport(second.id, dryRun: true)
        #expect(preview.rows.map(\.rowKey) == ["3", "4", "3"])
        #expect(try store.importRecord(second.id)?.status == .success, "a dry run changes nothing")
        let rollback = try store.rollbackImport(second.id)
        #expect(rollback.rows.map { "\($0.tableName):\($0.rowKey)" } == ["customers:3", "customers:4", "audit:3"])
        #expect(rollback.importRecord.status == .rolledBack)
        #expect(try store.imports(ofTable: "customers", row: "3").map(\.id) == [first.id])
        #expect(try store.rows(ofImport: second.id).isEmpty)
        #expect(try store.tableLineage("customers").rowsContributed == 3)
        #expect(throwsStoreError(.conflict, "rolled_back") { _ = try store.rollbackImport(second.id) })
        let running = try store.startImport(Self.start("customers"))
        #expect(throwsStoreError(.conflict, "in_progress") { _ = try store.rollbackImport(running.id) })
        #expect(try store.verify().isClean)
    }

    @Test func retentionPurgesOldImportsInBoundedBatchesAfterADryRun() throws {
        let t = try TestStore()
        let store = t.store
        var old: [String] = []
        for index in 0..<7 {
            let record = try store.startImport(Self.start("t\(index % 2)"))
            try store.recordImportRows(record.id, rowKeys: ["a\(index)", "b\(index)"])
            try store.completeImport(record.id, Self.success(2))
            old.append(record.id)
            t.advance(seconds: 60)
        }
        let stuck = try store.startImport(Self.start("t0"))
        t.advance(seconds: 40 * 86_400)
        let recent = try store.startImport(Self.start("t0"))
        try store.completeImport(recent.id, Self.success(0))
        let preview = try store.purgeImports(olderThanDays: 30, dryRun: true)
        #expect(preview.importIDs == old && preview.rowsRemoved == 14 && preview.batches == 0)
        #expect(try store.imports().total == 9)
        let report = try store.purgeImports(olderThanDays: 30, batchSize: 3)
        #expect(report.importIDs == old && report.batches == 3)
        #expect(Set(try store.imports().imports.map(\.id)) == [stuck.id, recent.id], "in-progress imports are kept")
        #expect(try store.imports(ofTable: "t0", row: "a0").isEmpty)
        #expect(try store.verify().isClean)
        #expect(throwsStoreError(.invalidInput, "days") { _ = try store.purgeImports(olderThanDays: -1) })
    }

    @Test func badImportInputIsRefusedAndChangesNothing() throws {
        let t = try TestStore()
        let store = t.store
        var start = Self.start("customers")
        start.fileHash = "not-a-hash"
        #expect(throwsStoreError(.invalidInput, "file_hash") { try store.startImport(start) })
        start = Self.start("customers")
        start.mappingConfig = "{"
        #expect(throwsStoreError(.invalidInput, "mapping_config") { try store.startImport(start) })
        start = Self.start("customers")
        start.fileSize = -5
        #expect(throwsStoreError(.invalidInput, "file_size", "negative") { try store.startImport(start) })
        #expect(try store.imports().total == 0)
        let record = try store.startImport(Self.start("customers"))
        var completion = Self.success(10)
        completion.insertedRows = -1
        #expect(throwsStoreError(.invalidInput, "rows_inserted") { try store.completeImport(record.id, completion) })
        #expect(
            throwsStoreError(.invalidInput, "import status") {
                try store.completeImport(record.id, ImportCompletion(status: .rolledBack))
            })
        #expect(try store.importRecord(record.id)?.status == .inProgress)
        #expect(throwsStoreError(.notFound, "ghost") { try store.completeImport("ghost", Self.success(1)) })
        #expect(
            throwsStoreError(.invalidInput, "row key") { try store.recordImportRows(record.id, rowKeys: ["ok", ""]) })
        #expect(try store.rows(ofImport: record.id).isEmpty, "a refused batch of rows writes none of them")
    }
}
