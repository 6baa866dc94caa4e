// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// One file import (record kind 7; schema `Import`; `import_history` in the seed design): every field the seed
/// tracks, plus the content registry's digests. Key (7, id).
public struct ImportRecord: Equatable, Sendable, Encodable {
    /// The import id.
    public var id = ""
    /// Where the data came from: `file`, `url`, `api`….
    public var sourceType = ""
    /// The source's path or URL.
    public var sourcePath = ""
    /// The file's name.
    public var fileName = ""
    /// The file's size in bytes.
    public var fileSize: UInt64 = 0
    /// The file's type: `csv`, `json`, `xlsx`….
    public var fileType = ""
    /// The file's SHA-256 as lowercase hex.
    public var fileHash = ""
    /// The target table.
    public var tableName = ""
    /// How rows are written: `insert`, `upsert`, `replace`….
    public var importStrategy = ""
    /// The column mapping, a JSON document.
    public var mappingConfig = ""
    /// Whether duplicate rows were checked for.
    public var duplicateCheckEnabled = false
    /// The status.
    public var status: ImportStatus = ""
    /// The failure message.
    public var errorMessage = ""
    /// Warnings, a JSON array (or empty).
    public var warnings = ""
    /// Rows in the file.
    public var totalRows: UInt64 = 0
    /// Rows read.
    public var processedRows: UInt64 = 0
    /// Rows written.
    public var insertedRows: UInt64 = 0
    /// Rows skipped.
    public var skippedRows: UInt64 = 0
    /// Duplicate rows found.
    public var duplicatesFound: UInt64 = 0
    /// Validation errors, a JSON array (or empty).
    public var validationErrors = ""
    /// Total duration, seconds.
    public var durationSeconds: Double = 0
    /// Parsing time, seconds.
    public var parsingDurationSeconds: Double = 0
    /// Duplicate-check time, seconds.
    public var duplicateCheckDurationSeconds: Double = 0
    /// Insert time, seconds.
    public var insertDurationSeconds: Double = 0
    /// The analysis that preceded it.
    public var analysisID = ""
    /// The background task that ran it.
    public var taskID = ""
    /// Caller metadata, a JSON document (or empty).
    public var metadata = ""
    /// The user who ran it.
    public var userID = ""
    /// That user's e-mail address.
    public var userEmail = ""
    /// When it started.
    public var startedAt: Int64 = 0
    /// When it finished, or 0.
    public var completedAt: Int64 = 0
    /// When it was rolled back, or 0.
    public var rolledBackAt: Int64 = 0
    /// How many row keys it recorded.
    public var rowCount: UInt64 = 0
    /// When it last changed.
    public var updatedAt: Int64 = 0
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension ImportRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<ImportRecord>] = [
        .string(1, "id", \.id),
        .string(2, "source_type", \.sourceType),
        .string(3, "source_path", \.sourcePath),
        .string(4, "file_name", \.fileName),
        .uint64(5, "file_size", \.fileSize),
        .string(6, "file_type", \.fileType),
        .string(7, "file_hash", \.fileHash),
        .string(8, "table_name", \.tableName),
        .string(9, "import_strategy", \.importStrategy),
        .json(10, "mapping_config", \.mappingConfig),
        .bool(11, "duplicate_check_enabled", \.duplicateCheckEnabled),
        .value(12, "status", \.status),
        .string(13, "error_message", \.errorMessage),
        .json(14, "warnings", \.warnings),
        .uint64(15, "total_rows", \.totalRows),
        .uint64(16, "processed_rows", \.processedRows),
        .uint64(17, "inserted_rows", \.insertedRows),
        .uint64(18, "skipped_rows", \.skippedRows),
        .uint64(19, "duplicates_found", \.duplicatesFound),
        .json(20, "validation_errors", \.validationErrors),
        .double(21, "duration_seconds", \.durationSeconds),
        .double(22, "parsing_duration_seconds", \.parsingDurationSeconds),
        .double(23, "duplicate_check_duration_seconds", \.duplicateCheckDurationSeconds),
        .double(24, "insert_duration_seconds", \.insertDurationSeconds),
        .string(25, "analysis_id", \.analysisID),
        .string(26, "task_id", \.taskID),
        .json(27, "metadata", \.metadata),
        .string(28, "user_id", \.userID),
        .string(29, "user_email", \.userEmail),
        .timestamp(30, "started_at", \.startedAt),
        .timestamp(31, "completed_at", \.completedAt),
        .timestamp(32, "rolled_back_at", \.rolledBackAt),
        .uint64(33, "row_count", \.rowCount),
        .timestamp(34, "updated_at", \.updatedAt),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: id)
        writer.write(2, string: sourceType)
        writer.write(3, string: sourcePath)
        writer.write(4, string: fileName)
        writer.write(5, uint64: fileSize)
        writer.write(6, string: fileType)
        writer.write(7, string: fileHash)
        writer.write(8, string: tableName)
        writer.write(9, string: importStrategy)
        writer.write(10, string: mappingConfig)
        writer.write(11, bool: duplicateCheckEnabled)
        writer.write(12, string: status.rawValue)
        writer.write(13, string: errorMessage)
        writer.write(14, string: warnings)
        writer.write(15, uint64: totalRows)
        writer.write(16, uint64: processedRows)
        writer.write(17, uint64: insertedRows)
        writer.write(18, uint64: skippedRows)
        writer.write(19, uint64: duplicatesFound)
        writer.write(20, string: validationErrors)
        writer.write(21, double: durationSeconds)
        writer.write(22, double: parsingDurationSeconds)
        writer.write(23, double: duplicateCheckDurationSeconds)
        writer.write(24, double: insertDurationSeconds)
        writer.write(25, string: analysisID)
        writer.write(26, string: taskID)
        writer.write(27, string: metadata)
        writer.write(28, string: userID)
        writer.write(29, string: userEmail)
        writer.write(30, sfixed64: startedAt)
        writer.write(31, sfixed64: completedAt)
        writer.write(32, sfixed64: rolledBackAt)
        writer.write(33, uint64: rowCount)
        writer.write(34, sfixed64: updatedAt)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: id = try field.string(context)
        case 2: sourceType = try field.string(context)
        case 3: sourcePath = try field.string(context)
        case 4: fileName = try field.string(context)
        case 5: fileSize = try field.uint64(context)
        case 6: fileType = try field.string(context)
        case 7: fileHash = try field.string(context)
        case 8: tableName = try field.string(context)
        case 9: importStrategy = try field.string(context)
        case 10: mappingConfig = try field.string(context)
        case 11: duplicateCheckEnabled = try field.bool(context)
        case 12: status = ImportStatus(rawValue: try field.string(context))
        case 13: errorMessage = try field.string(context)
        case 14: warnings = try field.string(context)
        case 15: totalRows = try field.uint64(context)
        case 16: processedRows = try field.uint64(context)
        case 17: insertedRows = try field.uint64(context)
        case 18: skippedRows = try field.uint64(context)
        case 19: duplicatesFound = try field.uint64(context)
        case 20: validationErrors = try field.string(context)
        case 21: durationSeconds = try field.double(context)
        case 22: parsingDurationSeconds = try field.double(context)
        case 23: duplicateCheckDurationSeconds = try field.double(context)
        case 24: insertDurationSeconds = try field.double(context)
        case 25: analysisID = try field.string(context)
        case 26: taskID = try field.string(context)
        case 27: metadata = try field.string(context)
        case 28: userID = try field.string(context)
        case 29: userEmail = try field.string(context)
        case 30: startedAt = try field.sfixed64(context)
        case 31: completedAt = try field.sfixed64(context)
        case 32: rolledBackAt = try field.sfixed64(context)
        case 33: rowCount = try field.uint64(context)
        case 34: updatedAt = try field.sfixed64(context)
        default: return false
        }
        return true
    }
}
