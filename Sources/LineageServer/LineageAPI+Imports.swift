import Hummingbird
import LineageFormat
import LineageStore

extension LineageAPI {
    /// Seed 002: import history, statistics and table lineage, at the seed's own paths, and the writes that
    /// record an import.
    func addImportRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/import-history") { request, _ in
            let query = QueryParameters(request)
            let filter = ImportFilter(
                tableName: query.string("table_name"), userID: query.string("user_id"),
                status: query.vocabulary("status", ImportStatus.self))
            let listing = try store.imports(
                filter, limit: try query.integer("limit", default: 100, in: 1...100_000),
                offset: try query.integer("offset", default: 0, in: 0...Int.max))
            return try JSONReply.success(listing)
        }
        router.get("/import-history/:id") { _, context in
            let id = try context.parameters.path("id")
            guard let record = try store.importRecord(id) else { throw APIError.notFound("no import '\(id)'") }
            return try JSONReply.success(["import_record": record])
        }
        router.get("/import-statistics") { request, _ in
            let query = QueryParameters(request)
            let statistics = try store.importStatistics(
                days: try query.integer("days", default: 30, in: 1...36_500), tableName: query.string("table_name"),
                userID: query.string("user_id"))
            return try JSONReply.success(statistics)
        }
        router.get("/tables/:table/lineage") { _, context in
            try JSONReply.success(try store.tableLineage(try context.parameters.path("table")))
        }
        router.post("/api/imports") { request, context in
            let start = try await RequestPayload.decode(ImportStartBody.self, from: request, context: context)
            let record = try await store.write { try $0.startImport(start.importStart) }
            return try JSONReply.success(status: .created, ["import_record": record])
        }
        router.post("/api/imports/:id/complete") { request, context in
            let id = try context.parameters.path("id")
            let body = try await RequestPayload.decode(ImportCompletionBody.self, from: request, context: context)
            let completion = body.completion
            let record = try await store.write { try $0.completeImport(id, completion) }
            return try JSONReply.success(["import_record": record])
        }
        router.post("/api/imports/:id/rows") { request, context in
            let id = try context.parameters.path("id")
            let body = try await RequestPayload.decode(ImportRowsBody.self, from: request, context: context)
            let record = try await store.write { context in
                try context.recordImportRows(id, tableName: body.tableName, rowKeys: body.rowKeys)
                return try context.importRecord(id)
            }
            return try JSONReply.success(["import_record": record])
        }
        router.post("/api/imports/:id/rollback") { request, context in
            let id = try context.parameters.path("id")
            let body = try await RequestPayload.decode(RollbackBody.self, from: request, context: context)
            let rollback =
                if body.dryRun == true { try store.read { try $0.rollbackPlan(id) } } else {
                    try await store.write { try $0.rollbackImport(id) }
                }
            return try JSONReply.success([
                "dry_run": body.dryRun == true, "import_record": rollback.importRecord,
                "deletions": rollback.deletions,
            ])
        }
    }
}

/// The body of `POST /api/imports`, in the seed's field names.
private struct ImportStartBody: Decodable {
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

/// The body of `POST /api/imports/{id}/complete`, in the seed's field names.
private struct ImportCompletionBody: Decodable {
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

    enum CodingKeys: String, CodingKey {
        case status, totalRowsInFile = "total_rows_in_file", rowsProcessed = "rows_processed"
        case rowsInserted = "rows_inserted", rowsSkipped = "rows_skipped", duplicatesFound = "duplicates_found"
        case errorMessage = "error_message", warnings, validationErrors = "validation_errors"
        case parsingTimeSeconds = "parsing_time_seconds"
        case duplicateCheckTimeSeconds = "duplicate_check_time_seconds", insertTimeSeconds = "insert_time_seconds"
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
        return completion
    }
}

/// The body of `POST /api/imports/{id}/rows`: the keys of the rows the import wrote.
private struct ImportRowsBody: Decodable {
    var tableName: String?
    var rowKeys: [String]

    enum CodingKeys: String, CodingKey { case tableName = "table_name", rowKeys = "row_keys" }
}

/// The body of `POST /api/imports/{id}/rollback`.
private struct RollbackBody: Decodable {
    var dryRun: Bool?

    enum CodingKeys: String, CodingKey { case dryRun = "dry_run" }
}
