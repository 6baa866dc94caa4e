import LineageFormat

extension LineageStore {
    /// ``WriteContext/completeImport(_:_:)`` in a transaction of its own.
    @discardableResult
    public func completeImport(_ id: String, _ completion: ImportCompletion) throws -> ImportRecord {
        try write { try $0.completeImport(id, completion) }
    }

    /// ``WriteContext/recordImportRows(_:tableName:rowKeys:)`` in a transaction of its own.
    public func recordImportRows(_ id: String, tableName: String? = nil, rowKeys: [String]) throws {
        try write { try $0.recordImportRows(id, tableName: tableName, rowKeys: rowKeys) }
    }

    /// ``Snapshot/importRecord(_:)`` in a snapshot of its own.
    public func importRecord(_ id: String) throws -> ImportRecord? {
        try read { try $0.importRecord(id) }
    }

    /// ``Snapshot/duplicateImports()`` in a snapshot of its own.
    public func duplicateImports() throws -> [DuplicateImports] {
        try read { try $0.duplicateImports() }
    }

    /// ``Snapshot/imports(fileHash:)`` in a snapshot of its own.
    public func imports(fileHash: String) throws -> [ImportRecord] {
        try read { try $0.imports(fileHash: fileHash) }
    }

    /// ``Snapshot/rows(ofImport:limit:)`` in a snapshot of its own.
    public func rows(ofImport id: String, limit: Int = .max) throws -> [ImportRowRecord] {
        try read { try $0.rows(ofImport: id, limit: limit) }
    }

    /// ``Snapshot/imports(ofTable:row:)`` in a snapshot of its own.
    public func imports(ofTable tableName: String, row rowKey: String) throws -> [ImportRecord] {
        try read { try $0.imports(ofTable: tableName, row: rowKey) }
    }

    /// Hashes `start.filePath` (if any) through the stat cache, then
    /// ``WriteContext/startImport(_:file:)`` in a transaction of its own.
    /// - Throws: as that method, and `.io` if the file cannot be hashed.
    @discardableResult
    public func startImport(_ start: ImportStart) throws -> ImportRecord {
        let file = try start.filePath.map { try hashFile(at: $0).digests }
        return try write { try $0.startImport(start, file: file) }
    }

    /// ``Snapshot/imports(_:limit:offset:)`` in a snapshot of its own.
    public func imports(_ filter: ImportFilter = ImportFilter(), limit: Int = 50, offset: Int = 0) throws
        -> ImportListing
    {
        try read { try $0.imports(filter, limit: limit, offset: offset) }
    }

    /// ``Snapshot/importStatistics(days:tableName:userID:)`` in a snapshot of its own.
    public func importStatistics(days: Int = 30, tableName: String? = nil, userID: String? = nil) throws
        -> ImportStatistics
    {
        try read { try $0.importStatistics(days: days, tableName: tableName, userID: userID) }
    }

    /// ``Snapshot/tableLineage(_:)`` in a snapshot of its own.
    public func tableLineage(_ tableName: String) throws -> TableLineage { try read { try $0.tableLineage(tableName) } }

    /// ``WriteContext/rollbackImport(_:)`` in a transaction of its own, or with `dryRun`
    /// ``Snapshot/rollbackPlan(_:)``, which changes nothing.
    public func rollbackImport(_ id: String, dryRun: Bool = false) throws -> ImportRollback {
        dryRun ? try read { try $0.rollbackPlan(id) } : try write { try $0.rollbackImport(id) }
    }

    /// Deletes imports started more than `days` days ago (finished ones only) with their row records, at most
    /// `batchSize` imports per transaction so a large purge never holds the writer for long. A dry run
    /// reports what would go and deletes nothing.
    public func purgeImports(olderThanDays days: Int, dryRun: Bool = false, batchSize: Int = 500) throws
        -> ImportPurgeReport
    {
        try Validation.days(days, "the age of imports to purge", allowingZero: true)
        guard batchSize > 0 else { throw StoreError(.invalidInput, "batch size must be positive (got \(batchSize))") }
        let cutoff = clock.now() - Int64(days) * Timestamp.day
        var report = ImportPurgeReport(dryRun: dryRun, cutoff: cutoff)
        let query = IndexQuery(.importsByStart, before: [.int(cutoff)])
        let candidates = try read { snapshot in
            try snapshot.query(ImportRecord.self, query) { $0.status != .inProgress }.records.map {
                ($0.id, Int($0.rowCount))
            }
        }
        report.importIDs = candidates.map(\.0)
        report.rowsRemoved = candidates.reduce(0) { $0 + $1.1 }
        guard !dryRun else { return report }
        for start in stride(from: 0, to: candidates.count, by: batchSize) {
            let batch = candidates[start..<min(start + batchSize, candidates.count)]
            try write { context in
                for (id, _) in batch { try context.deleteImport(id) }
            }
            report.batches += 1
        }
        return report
    }
}
