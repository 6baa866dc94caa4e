import LineageFormat

extension Snapshot {
    /// The import with this id, or `nil`.
    public func importRecord(_ id: String) throws -> ImportRecord? {
        try fetch(ImportRecord.self, [.string(id)])
    }

    /// Files imported more than once (same SHA-256), most recent group first.
    public func duplicateImports() throws -> [DuplicateImports] {
        var groups: [String: [ImportRecord]] = [:]
        for record in try query(ImportRecord.self, IndexQuery(.importsByFileHash)).records {
            groups[record.fileHash, default: []].append(record)
        }
        return groups.filter { $0.value.count > 1 }
            .map { DuplicateImports(fileHash: $0.key, imports: $0.value) }
            .sorted { ($0.imports.last?.startedAt ?? 0) > ($1.imports.last?.startedAt ?? 0) }
    }

    /// The imports of the file with this SHA-256 (hex), oldest first.
    public func imports(fileHash: String) throws -> [ImportRecord] {
        try query(ImportRecord.self, IndexQuery(.importsByFileHash, equal: [.string(fileHash)])).records
    }

    /// The rows an import recorded, in the order it wrote them.
    public func rows(ofImport id: String, limit: Int = .max) throws -> [ImportRowRecord] {
        try records(ImportRowRecord.self, prefix: [.string(id)], limit: limit)
    }

    /// The imports that wrote row `rowKey` of `tableName`, oldest first (several when re-imported).
    public func imports(ofTable tableName: String, row rowKey: String) throws -> [ImportRecord] {
        let query = IndexQuery(.importRowsByTableRow, equal: [.string(tableName), .hashed(rowKey)])
        let rows = try self.query(ImportRowRecord.self, query) { $0.rowKey.sameBytes(as: rowKey) }.records
        var seen = Set<ExactString>()
        return try rows.filter { seen.insert(ExactString($0.importID)).inserted }.compactMap {
            try fetch(ImportRecord.self, [.string($0.importID)])
        }
        .sorted { $0.startedAt < $1.startedAt }
    }

    /// Imports matching `filter`, newest first: `limit` of them after skipping `offset`, and the total.
    public func imports(_ filter: ImportFilter = ImportFilter(), limit: Int = 50, offset: Int = 0) throws
        -> ImportListing
    {
        let (query, matches) = filter.plan
        let all = try self.query(ImportRecord.self, query, where: matches).records
        let page = all.dropFirst(max(0, offset)).prefix(max(0, limit))
        return ImportListing(imports: Array(page), total: all.count, limit: limit, offset: offset)
    }

    /// Statistics over imports started in the last `days` days, optionally for one table or user.
    public func importStatistics(days: Int = 30, tableName: String? = nil, userID: String? = nil) throws
        -> ImportStatistics
    {
        try Validation.days(days, "the period")
        let since = now - Int64(days) * Timestamp.day
        let records = try imports(ImportFilter(tableName: tableName, userID: userID, since: since), limit: .max).imports
        var statistics = ImportStatistics(days: days, since: since)
        var tables: [ExactString: ImportStatistics.TableSummary] = [:]
        var users = Set<ExactString>()
        var finished = 0
        var duration = 0.0
        for record in records {
            statistics.totalImports += 1
            if !record.userID.isEmpty { users.insert(ExactString(record.userID)) }
            switch record.status {
            case .success: statistics.successfulImports += 1
            case .failed: statistics.failedImports += 1
            case .partial: statistics.partialImports += 1
            case .inProgress: statistics.inProgressImports += 1
            case .rolledBack: statistics.rolledBackImports += 1
            default: break
            }
            // A rolled-back import's rows are gone: it counts as an import, not as a finished one or its rows.
            guard record.status != .rolledBack else { continue }
            if record.completedAt != nil {
                finished += 1
                duration += record.durationSeconds
            }
            statistics.totalRowsProcessed += record.processedRows
            statistics.totalRowsInserted += record.insertedRows
            statistics.totalRowsSkipped += record.skippedRows
            statistics.totalDuplicatesFound += record.duplicatesFound
            let table = ExactString(record.tableName)
            tables[table, default: .init(tableName: record.tableName, imports: 0, rowsInserted: 0)].imports += 1
            tables[table]!.rowsInserted += record.insertedRows
        }
        statistics.tablesAffected = tables.count
        statistics.uniqueUsers = users.count
        if finished > 0 {
            statistics.averageDurationSeconds = duration / Double(finished)
            statistics.successRate = Double(statistics.successfulImports) / Double(finished)
        }
        statistics.byTable = tables.values.sorted {
            $0.rowsInserted != $1.rowsInserted
                ? $0.rowsInserted > $1.rowsInserted : ExactString($0.tableName) < ExactString($1.tableName)
        }
        return statistics
    }

    /// The imports that fed `tableName`, newest first, and the rows they contributed.
    public func tableLineage(_ tableName: String) throws -> TableLineage {
        let imports = try imports(ImportFilter(tableName: tableName), limit: .max).imports
        let rows = imports.filter { $0.status != .rolledBack }.reduce(0) { $0 + $1.insertedRows }
        return TableLineage(tableName: tableName, imports: imports, rowsContributed: rows)
    }

    /// What rolling the import back would do, changing nothing: the import and exactly the rows the caller
    /// would delete from its tables.
    /// - Throws: `.notFound` for an unknown import; `.conflict` if it is in progress or already rolled back.
    public func rollbackPlan(_ id: String) throws -> ImportRollback {
        guard let record = try importRecord(id) else { throw StoreError(.notFound, "no import \(id) in \(path)") }
        guard record.status != .inProgress, record.status != .rolledBack else {
            throw StoreError(.conflict, "import \(id) is \(record.status); only a finished import can be rolled back")
        }
        return ImportRollback(importRecord: record, rows: try rows(ofImport: id))
    }
}
