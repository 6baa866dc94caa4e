import LineageFormat

extension WriteContext {
    /// Records how an import ended; its duration is the time since it started.
    /// - Throws: `.notFound` for an unknown import; `.conflict` unless it is in progress; `.invalidInput` for
    ///   a status other than success, failed or partial, negative counts or durations, or non-JSON arrays.
    @discardableResult
    public func completeImport(_ id: String, _ completion: ImportCompletion) throws -> ImportRecord {
        var record = try requireImport(id)
        guard record.status == .inProgress else {
            throw StoreError(.conflict, "import \(id) is already \(record.status); it cannot be completed again")
        }
        try Validation.oneOf(completion.status, ImportStatus.completions, "import status")
        let name = ImportRecord.fieldName
        if let total = completion.totalRows { record.totalRows = try Validation.count(total, name(\.totalRows)) }
        record.processedRows = try Validation.count(completion.processedRows, name(\.processedRows))
        record.insertedRows = try Validation.count(completion.insertedRows, name(\.insertedRows))
        record.skippedRows = try Validation.count(completion.skippedRows, name(\.skippedRows))
        record.duplicatesFound = try Validation.count(completion.duplicatesFound, name(\.duplicatesFound))
        try Validation.text(completion.errorMessage, name(\.errorMessage))
        try Validation.json(completion.warnings, name(\.warnings))
        try Validation.json(completion.validationErrors, name(\.validationErrors))
        try Validation.seconds(completion.parsingDurationSeconds, name(\.parsingDurationSeconds))
        try Validation.seconds(completion.duplicateCheckDurationSeconds, name(\.duplicateCheckDurationSeconds))
        try Validation.seconds(completion.insertDurationSeconds, name(\.insertDurationSeconds))
        if let duration = completion.durationSeconds { try Validation.seconds(duration, name(\.durationSeconds)) }
        record.status = completion.status
        record.errorMessage = completion.errorMessage
        record.warnings.stored = completion.warnings
        record.validationErrors.stored = completion.validationErrors
        record.parsingDurationSeconds = completion.parsingDurationSeconds
        record.duplicateCheckDurationSeconds = completion.duplicateCheckDurationSeconds
        record.insertDurationSeconds = completion.insertDurationSeconds
        record.completedAt = now
        record.durationSeconds = completion.durationSeconds ?? Timestamp.seconds(from: record.startedAt, to: now)
        record.updatedAt = now
        try save(record)
        return record
    }

    /// Records the keys of rows an import wrote, for row-level lineage and rollback.
    /// - Parameter tableName: the rows' table; the import's own table when `nil`.
    /// - Throws: `.conflict` for a rolled-back or failed import; `.invalidInput` for empty or over-long keys.
    public func recordImportRows(_ id: String, tableName: String? = nil, rowKeys: [String]) throws {
        var record = try requireImport(id)
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
            try insert(row)
            record.rowCount += 1
        }
        record.updatedAt = now
        try save(record)
    }

    /// Starts tracking an import (status `in_progress`). With `file`, the digests of the file at
    /// `start.filePath` (hashed before the transaction, as ``LineageStore/startImport(_:)`` does), fills
    /// `file_hash`, `file_size` and, when empty, `file_name` and `source_path`, and records the content as seen
    /// at `import:ID`.
    ///
    /// - Throws: `.invalidInput` for empty or over-long ids, a malformed hash, negative sizes, JSON fields that
    ///   are not JSON, or a `filePath` without its digests; `.duplicate` if the id is taken.
    @discardableResult
    public func startImport(_ start: ImportStart, file: FileDigests? = nil) throws -> ImportRecord {
        var start = start
        if let filePath = start.filePath {
            guard let file else {
                throw StoreError(
                    .invalidInput,
                    "import of \(filePath): a transaction does not read files; pass the file's digests "
                        + "(LineageStore.startImport hashes it)")
            }
            start.fileHash = Hex.encode(file.sha256 ?? [])
            start.fileSize = Int(file.size)
            if start.fileName.isEmpty { start.fileName = String(filePath.split(separator: "/").last ?? "") }
            if start.sourcePath.isEmpty { start.sourcePath = filePath }
        }
        let record = try ImportRecord(start, id: start.id ?? RecordID.mint(at: now), now: now)
        try insert(record)
        if let file { try recordContent(file, seenAt: "import:\(record.id)") }
        return record
    }

    /// Rolls an import back: marks it `rolled_back`, removes its row records, and hands back exactly the rows
    /// the caller must delete from its tables.
    /// - Throws: `.notFound` for an unknown import; `.conflict` if it is in progress or already rolled back.
    public func rollbackImport(_ id: String) throws -> ImportRollback {
        var plan = try rollbackPlan(id)
        for row in plan.rows { try delete(ImportRowRecord.self, row.primaryKey) }
        plan.importRecord.status = .rolledBack
        plan.importRecord.rolledBackAt = now
        plan.importRecord.updatedAt = now
        try save(plan.importRecord)
        return plan
    }

    /// Deletes a finished import and its row records.
    /// - Throws: `.notFound` for an unknown import; `.conflict` if it is in progress.
    public func deleteImport(_ id: String) throws {
        let record = try requireImport(id)
        guard record.status != .inProgress else {
            throw StoreError(.conflict, "import \(id) is in progress; only a finished import can be deleted")
        }
        for row in try rows(ofImport: id) { try delete(ImportRowRecord.self, row.primaryKey) }
        try delete(ImportRecord.self, [.string(id)])
    }

    /// The import with this id.
    func requireImport(_ id: String) throws -> ImportRecord {
        guard let record = try fetch(ImportRecord.self, [.string(id)]) else {
            throw StoreError(.notFound, "no import \(id) in \(path)")
        }
        return record
    }
}
