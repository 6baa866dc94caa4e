import LineageFormat

extension ImportRecord {
    /// A new in-progress import from a validated start.
    init(_ start: ImportStart, id: String, now: Int64) throws {
        self.init()
        try Validation.identifier(id, "import id")
        try Validation.identifier(start.tableName, "table name")
        if !start.userID.isEmpty { try Validation.identifier(start.userID, "user id") }
        let name = Self.fieldName
        for (value, field) in [
            (start.sourceType, name(\.sourceType)), (start.sourcePath, name(\.sourcePath)),
            (start.fileName, name(\.fileName)), (start.fileType, name(\.fileType)),
            (start.importStrategy, name(\.importStrategy)), (start.analysisID, name(\.analysisID)),
            (start.taskID, name(\.taskID)), (start.userEmail, name(\.userEmail)),
        ] {
            try Validation.text(value, field, limit: 8 * 1024)
        }
        try Validation.json(start.mappingConfig, name(\.mappingConfig))
        try Validation.json(start.metadata, name(\.metadata))
        guard start.fileHash.isEmpty || (start.fileHash.count == 64 && Hex.decode(start.fileHash) != nil) else {
            throw StoreError(.invalidInput, "\(name(\.fileHash)) must be 64 lowercase hex digits (a SHA-256)")
        }
        self.id = id
        sourceType = start.sourceType
        sourcePath = start.sourcePath
        fileName = start.fileName
        fileSize = try Validation.count(start.fileSize, name(\.fileSize))
        fileType = start.fileType
        fileHash = start.fileHash
        tableName = start.tableName
        importStrategy = start.importStrategy
        mappingConfig = start.mappingConfig
        duplicateCheckEnabled = start.duplicateCheckEnabled
        totalRows = try Validation.count(start.totalRows, name(\.totalRows))
        analysisID = start.analysisID
        taskID = start.taskID
        metadata.stored = start.metadata
        userID = start.userID
        userEmail = start.userEmail
        status = .inProgress
        startedAt = now
        updatedAt = now
    }
}
