import LineageFormat

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
