import LineageFormat
import LineageStore

/// Starts an import, in the seed's field names (`POST /api/imports`, `lineage imports start`).
public struct StartImport: StoreOperation {
    var importID: String?
    var tableName: String
    var sourceType: String?
    var sourcePath: String?
    var fileName: String?
    var fileSizeBytes: Int?
    var fileType: String?
    var fileHash: String?
    var importStrategy: String?
    var mappingConfig: JSONText?
    var duplicateCheckEnabled: Bool?
    var totalRowsInFile: Int?
    var analysisID: String?
    var taskID: String?
    var metadata: JSONText?
    var userID: String?
    var userEmail: String?

    enum CodingKeys: String, CodingKey {
        case importID = "import_id", tableName = "table_name", sourceType = "source_type"
        case sourcePath = "source_path", fileName = "file_name", fileSizeBytes = "file_size_bytes"
        case fileType = "file_type", fileHash = "file_hash", importStrategy = "import_strategy"
        case mappingConfig = "mapping_config", duplicateCheckEnabled = "duplicate_check_enabled"
        case totalRowsInFile = "total_rows_in_file", analysisID = "analysis_id", taskID = "task_id", metadata
        case userID = "user_id", userEmail = "user_email"
    }

    public func run(in context: WriteContext) throws -> Member<ImportRecord> {
        Member("import_record", try context.startImport(importStart))
    }

    var importStart: ImportStart {
        var start = ImportStart(tableName: tableName)
        start.id = importID
        if let sourceType { start.sourceType = sourceType }
        if let sourcePath { start.sourcePath = sourcePath }
        if let fileName { start.fileName = fileName }
        if let fileSizeBytes { start.fileSize = fileSizeBytes }
        if let fileType { start.fileType = fileType }
        if let fileHash { start.fileHash = fileHash }
        if let importStrategy { start.importStrategy = importStrategy }
        if let mappingConfig { start.mappingConfig = mappingConfig.text }
        if let duplicateCheckEnabled { start.duplicateCheckEnabled = duplicateCheckEnabled }
        if let totalRowsInFile { start.totalRows = totalRowsInFile }
        if let analysisID { start.analysisID = analysisID }
        if let taskID { start.taskID = taskID }
        if let metadata { start.metadata = metadata.text }
        if let userID { start.userID = userID }
        if let userEmail { start.userEmail = userEmail }
        return start
    }
}

/// Finishes an import with its counts and timings, in the seed's field names
/// (`POST /api/imports/{id}/complete`, `lineage imports complete`).
public struct CompleteImport: StoreOperation {
    /// The import (from the path or the command line).
    public var id = ""
    var status: String
    var totalRowsInFile: Int?
    var rowsProcessed: Int?
    var rowsInserted: Int?
    var rowsSkipped: Int?
    var duplicatesFound: Int?
    var errorMessage: String?
    var warnings: JSONText?
    var validationErrors: JSONText?
    var parsingTimeSeconds: Double?
    var duplicateCheckTimeSeconds: Double?
    var insertTimeSeconds: Double?
    var durationSeconds: Double?

    enum CodingKeys: String, CodingKey {
        case status, totalRowsInFile = "total_rows_in_file", rowsProcessed = "rows_processed"
        case rowsInserted = "rows_inserted", rowsSkipped = "rows_skipped", duplicatesFound = "duplicates_found"
        case errorMessage = "error_message", warnings, validationErrors = "validation_errors"
        case parsingTimeSeconds = "parsing_time_seconds"
        case duplicateCheckTimeSeconds = "duplicate_check_time_seconds", insertTimeSeconds = "insert_time_seconds"
        case durationSeconds = "duration_seconds"
    }

    public func run(in context: WriteContext) throws -> Member<ImportRecord> {
        Member("import_record", try context.completeImport(id, completion))
    }

    var completion: ImportCompletion {
        var completion = ImportCompletion(status: ImportStatus(rawValue: status))
        completion.totalRows = totalRowsInFile
        completion.processedRows = rowsProcessed ?? 0
        completion.insertedRows = rowsInserted ?? 0
        completion.skippedRows = rowsSkipped ?? 0
        completion.duplicatesFound = duplicatesFound ?? 0
        completion.errorMessage = errorMessage ?? ""
        completion.warnings = warnings?.text ?? ""
        completion.validationErrors = validationErrors?.text ?? ""
        completion.parsingDurationSeconds = parsingTimeSeconds ?? 0
        completion.duplicateCheckDurationSeconds = duplicateCheckTimeSeconds ?? 0
        completion.insertDurationSeconds = insertTimeSeconds ?? 0
        completion.durationSeconds = durationSeconds
        return completion
    }
}

/// Records the keys of rows an import wrote, for row-level lineage and rollback
/// (`POST /api/imports/{id}/rows`, `lineage imports rows`).
public struct RecordImportRows: StoreOperation {
    /// The import (from the path or the command line).
    public var id = ""
    /// The table, when not the import's own.
    public var tableName: String?
    /// The rows' keys.
    public var rowKeys: [String]

    enum CodingKeys: String, CodingKey { case tableName = "table_name", rowKeys = "row_keys" }

    /// Records `rowKeys` of `tableName` (the import's table when `nil`) as written by import `id`.
    public init(id: String, tableName: String?, rowKeys: [String]) {
        self.id = id
        self.tableName = tableName
        self.rowKeys = rowKeys
    }

    public func run(in context: WriteContext) throws -> Member<ImportRecord?> {
        try context.recordImportRows(id, tableName: tableName, rowKeys: rowKeys)
        return Member("import_record", try context.importRecord(id))
    }
}
