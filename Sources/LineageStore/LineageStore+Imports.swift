extension LineageStore {
    /// Starts tracking an import (status `in_progress`). With `start.filePath`, hashes the file first and
    /// records its content as seen at `import:ID`.
    ///
    /// - Throws: `.invalidInput` for empty or over-long ids, a malformed hash, negative sizes or JSON fields
    ///   that are not JSON; `.io` if the file cannot be hashed; `.duplicate` if the id is taken.
    @discardableResult
    public func startImport(_ start: ImportStart) throws -> ImportRecord {
        var start = start
        var digests: FileDigests?
        if let filePath = start.filePath {
            let hashed = try hashFile(at: filePath)
            digests = hashed.digests
            start.fileHash = Hex.encode(hashed.digests.sha256 ?? [])
            start.fileSize = Int(hashed.digests.size)
            if start.fileName.isEmpty { start.fileName = String(filePath.split(separator: "/").last ?? "") }
            if start.sourcePath.isEmpty { start.sourcePath = filePath }
        }
        let ready = start
        return try write { context in
            let record = try ImportRecord(ready, id: ready.id ?? RecordID.mint(at: context.now), now: context.now)
            try context.insert(record)
            if let digests { try context.recordContent(digests, seenAt: "import:\(record.id)") }
            return record
        }
    }

    /// Records how an import ended; its duration is the time since it started.
    /// - Throws: `.notFound` for an unknown import; `.conflict` unless it is in progress; `.invalidInput` for
    ///   a status other than success, failed or partial, negative counts or durations, or non-JSON arrays.
    @discardableResult
    public func completeImport(_ id: String, _ completion: ImportCompletion) throws -> ImportRecord {
        try write { context in
            var record = try context.requireImport(id)
            guard record.status == .inProgress else {
                throw StoreError(.conflict, "import \(id) is already \(record.status); it cannot be completed again")
            }
            try Validation.oneOf(completion.status, ImportStatus.completions, "import status")
            if let total = completion.totalRows { record.totalRows = try Validation.count(total, "total_rows") }
            record.processedRows = try Validation.count(completion.processedRows, "processed_rows")
            record.insertedRows = try Validation.count(completion.insertedRows, "inserted_rows")
            record.skippedRows = try Validation.count(completion.skippedRows, "skipped_rows")
            record.duplicatesFound = try Validation.count(completion.duplicatesFound, "duplicates_found")
            try Validation.text(completion.errorMessage, "error_message")
            try Validation.json(completion.warnings, "warnings")
            try Validation.json(completion.validationErrors, "validation_errors")
            try Validation.seconds(completion.parsingDurationSeconds, "parsing_duration_seconds")
            try Validation.seconds(completion.duplicateCheckDurationSeconds, "duplicate_check_duration_seconds")
            try Validation.seconds(completion.insertDurationSeconds, "insert_duration_seconds")
            record.status = completion.status
            record.errorMessage = completion.errorMessage
            record.warnings = completion.warnings
            record.validationErrors = completion.validationErrors
            record.parsingDurationSeconds = completion.parsingDurationSeconds
            record.duplicateCheckDurationSeconds = completion.duplicateCheckDurationSeconds
            record.insertDurationSeconds = completion.insertDurationSeconds
            record.completedAt = context.now
            record.durationSeconds = Double(context.now - record.startedAt) / Double(Timestamp.second)
            record.updatedAt = context.now
            try context.save(record)
            return record
        }
    }

    /// Records the keys of rows an import wrote, for row-level lineage and rollback.
    /// - Parameter tableName: the rows' table; the import's own table when `nil`.
    /// - Throws: `.conflict` for a rolled-back or failed import; `.invalidInput` for empty or over-long keys.
    public func recordImportRows(_ id: String, tableName: String? = nil, rowKeys: [String]) throws {
        try write { context in
            var record = try context.requireImport(id)
            guard record.status != .rolledBack, record.status != .failed else {
                throw StoreError(.conflict, "import \(id) is \(record.status); it cannot record rows")
            }
            let table = tableName ?? record.tableName
            try Validation.identifier(table, "table name")
            for key in rowKeys {
                try Validation.text(key, "row key", required: true, limit: 4 * 1024)
                var row = ImportRowRecord()
                row.importID = id
                row.sequence = record.rowCount
                row.tableName = table
                row.rowKey = key
                try context.insert(row)
                record.rowCount += 1
            }
            record.updatedAt = context.now
            try context.save(record)
        }
    }

    /// The import with this id, or `nil`.
    public func importRecord(_ id: String) throws -> ImportRecord? {
        try read { try $0.fetch(ImportRecord.self, [.string(id)]) }
    }

    /// Imports matching `filter`, newest first: `limit` of them after skipping `offset`, and the total.
    public func imports(_ filter: ImportFilter = ImportFilter(), limit: Int = 50, offset: Int = 0) throws
        -> ImportListing
    {
        let (query, matches) = filter.plan
        return try read { snapshot in
            let all = try snapshot.query(ImportRecord.self, query, where: matches).records
            let page = all.dropFirst(max(0, offset)).prefix(max(0, limit))
            return ImportListing(imports: Array(page), total: all.count)
        }
    }

    /// Statistics over imports started in the last `days` days, optionally for one table or user.
    public func importStatistics(days: Int = 30, tableName: String? = nil, userID: String? = nil) throws
        -> ImportStatistics
    {
        guard days > 0 else { throw StoreError(.invalidInput, "days must be positive (got \(days))") }
        let since = clock.now() - Int64(days) * Timestamp.day
        let records = try imports(ImportFilter(tableName: tableName, userID: userID, since: since), limit: .max).imports
        var statistics = ImportStatistics(days: days, since: since)
        var tables: [String: ImportStatistics.TableSummary] = [:]
        var finished = 0
        var duration = 0.0
        for record in records {
            statistics.totalImports += 1
            switch record.status {
            case .success: statistics.successfulImports += 1
            case .failed: statistics.failedImports += 1
            case .partial: statistics.partialImports += 1
            case .inProgress: statistics.inProgressImports += 1
            case .rolledBack: statistics.rolledBackImports += 1
            default: break
            }
            if record.completedAt != 0 {
                finished += 1
                duration += record.durationSeconds
            }
            statistics.totalRowsProcessed += record.processedRows
            statistics.totalRowsInserted += record.insertedRows
            statistics.totalRowsSkipped += record.skippedRows
            statistics.totalDuplicatesFound += record.duplicatesFound
            tables[record.tableName, default: .init(tableName: record.tableName, imports: 0, rowsInserted: 0)]
                .imports += 1
            tables[record.tableName]!.rowsInserted += record.insertedRows
        }
        if finished > 0 {
            statistics.averageDurationSeconds = duration / Double(finished)
            statistics.successRate = Double(statistics.successfulImports) / Double(finished)
        }
        statistics.byTable = tables.values.sorted {
            ($0.rowsInserted, $1.tableName) > ($1.rowsInserted, $0.tableName)
        }
        return statistics
    }

    /// The imports that fed `tableName`, newest first, and the rows they contributed.
    public func tableLineage(_ tableName: String) throws -> TableLineage {
        let imports = try imports(ImportFilter(tableName: tableName), limit: .max).imports
        let rows = imports.filter { $0.status != .rolledBack }.reduce(0) { $0 + $1.insertedRows }
        return TableLineage(tableName: tableName, imports: imports, rowsContributed: rows)
    }

    /// Files imported more than once (same SHA-256), most recent group first.
    public func duplicateImports() throws -> [DuplicateImports] {
        try read { snapshot in
            var groups: [String: [ImportRecord]] = [:]
            for record in try snapshot.query(ImportRecord.self, IndexQuery(.importsByFileHash)).records {
                groups[record.fileHash, default: []].append(record)
            }
            return groups.filter { $0.value.count > 1 }
                .map { DuplicateImports(fileHash: $0.key, imports: $0.value) }
                .sorted { ($0.imports.last?.startedAt ?? 0) > ($1.imports.last?.startedAt ?? 0) }
        }
    }

    /// The imports of the file with this SHA-256 (hex), oldest first.
    public func imports(fileHash: String) throws -> [ImportRecord] {
        try read { try $0.query(ImportRecord.self, IndexQuery(.importsByFileHash, equal: [.string(fileHash)])).records }
    }

    /// The rows an import recorded, in the order it wrote them.
    public func rows(ofImport id: String, limit: Int = .max) throws -> [ImportRowRecord] {
        try read { try $0.records(ImportRowRecord.self, prefix: [.string(id)], limit: limit) }
    }

    /// The imports that wrote row `rowKey` of `tableName`, oldest first (several when re-imported).
    public func imports(ofTable tableName: String, row rowKey: String) throws -> [ImportRecord] {
        try read { snapshot in
            let query = IndexQuery(.importRowsByTableRow, equal: [.string(tableName), .hashed(rowKey)])
            let rows = try snapshot.query(ImportRowRecord.self, query) { $0.rowKey == rowKey }.records
            var seen = Set<String>()
            return try rows.filter { seen.insert($0.importID).inserted }.compactMap {
                try snapshot.fetch(ImportRecord.self, [.string($0.importID)])
            }
            .sorted { $0.startedAt < $1.startedAt }
        }
    }

    /// Rolls an import back: marks it `rolled_back`, removes its row records, and hands back exactly the rows
    /// the caller must delete from its tables — all in one transaction. A dry run changes nothing.
    /// - Throws: `.notFound` for an unknown import; `.conflict` if it is in progress or already rolled back.
    public func rollbackImport(_ id: String, dryRun: Bool = false) throws -> ImportRollback {
        let body = { (snapshot: Snapshot) throws -> ImportRollback in
            guard var record = try snapshot.fetch(ImportRecord.self, [.string(id)]) else {
                throw StoreError(.notFound, "no import \(id) in \(self.path)")
            }
            guard record.status != .inProgress, record.status != .rolledBack else {
                throw StoreError(
                    .conflict, "import \(id) is \(record.status); only a finished import can be rolled back")
            }
            let rows = try snapshot.records(ImportRowRecord.self, prefix: [.string(id)])
            if let context = snapshot as? WriteContext {
                for row in rows { try context.delete(ImportRowRecord.self, row.primaryKey) }
                record.status = .rolledBack
                record.rolledBackAt = context.now
                record.updatedAt = context.now
                try context.save(record)
            }
            return ImportRollback(importRecord: record, rows: rows)
        }
        return dryRun ? try read(body) : try write(body)
    }

    /// Deletes imports started more than `days` days ago (finished ones only) with their row records, at most
    /// `batchSize` imports per transaction so a large purge never holds the writer for long. A dry run
    /// reports what would go and deletes nothing.
    public func purgeImports(olderThanDays days: Int, dryRun: Bool = false, batchSize: Int = 500) throws
        -> ImportPurgeReport
    {
        guard days >= 0 else { throw StoreError(.invalidInput, "days must not be negative (got \(days))") }
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
                for (id, _) in batch {
                    for row in try context.records(ImportRowRecord.self, prefix: [.string(id)]) {
                        try context.delete(ImportRowRecord.self, row.primaryKey)
                    }
                    try context.delete(ImportRecord.self, [.string(id)])
                }
            }
            report.batches += 1
        }
        return report
    }
}

extension WriteContext {
    /// The import with this id.
    func requireImport(_ id: String) throws -> ImportRecord {
        guard let record = try fetch(ImportRecord.self, [.string(id)]) else {
            throw StoreError(.notFound, "no import \(id) in \(path)")
        }
        return record
    }
}

extension ImportRecord {
    /// A new in-progress import from a validated start.
    init(_ start: ImportStart, id: String, now: Int64) throws {
        self.init()
        try Validation.identifier(id, "import id")
        try Validation.identifier(start.tableName, "table name")
        if !start.userID.isEmpty { try Validation.identifier(start.userID, "user id") }
        for (value, field) in [
            (start.sourceType, "source_type"), (start.sourcePath, "source_path"), (start.fileName, "file_name"),
            (start.fileType, "file_type"), (start.importStrategy, "import_strategy"), (start.analysisID, "analysis_id"),
            (start.taskID, "task_id"), (start.userEmail, "user_email"),
        ] {
            try Validation.text(value, field, limit: 8 * 1024)
        }
        try Validation.json(start.mappingConfig, "mapping_config")
        try Validation.json(start.metadata, "metadata")
        guard start.fileHash.isEmpty || (start.fileHash.count == 64 && Hex.decode(start.fileHash) != nil) else {
            throw StoreError(.invalidInput, "file_hash must be 64 lowercase hex digits (a SHA-256)")
        }
        self.id = id
        sourceType = start.sourceType
        sourcePath = start.sourcePath
        fileName = start.fileName
        fileSize = try Validation.count(start.fileSize, "file_size")
        fileType = start.fileType
        fileHash = start.fileHash
        tableName = start.tableName
        importStrategy = start.importStrategy
        mappingConfig = start.mappingConfig
        duplicateCheckEnabled = start.duplicateCheckEnabled
        totalRows = try Validation.count(start.totalRows, "total_rows")
        analysisID = start.analysisID
        taskID = start.taskID
        metadata = start.metadata
        userID = start.userID
        userEmail = start.userEmail
        status = .inProgress
        startedAt = now
        updatedAt = now
    }
}
