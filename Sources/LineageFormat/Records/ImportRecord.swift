/// An import's status.
public struct ImportStatus: Vocabulary {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Started and not finished.
    public static let inProgress: ImportStatus = "in_progress"
    /// Every row was imported.
    public static let success: ImportStatus = "success"
    /// Nothing was imported.
    public static let failed: ImportStatus = "failed"
    /// Some rows were imported.
    public static let partial: ImportStatus = "partial"
    /// Its rows were handed back for deletion.
    public static let rolledBack: ImportStatus = "rolled_back"
    /// The statuses this version names.
    public static let known: [ImportStatus] = [.inProgress, .success, .failed, .partial, .rolledBack]
    /// The statuses an import may be completed with.
    public static let completions: [ImportStatus] = [.success, .failed, .partial]
}

/// One file import (record kind 7; schema `Import`; `import_history` in the seed design): every field the
/// seed tracks, plus the content registry's digests.
public struct ImportRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.importRun
    public static let schemaVersion: UInt16 = 1

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
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<ImportRecord>] = [
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

    public var primaryKey: [TupleElement] { [.string(id)] }

    public static let indexes: [IndexDefinition<ImportRecord>] = [
        .single(.importsByStart, arity: 1) { [.int($0.startedAt)] },
        .single(.importsByTable, arity: 2) {
            $0.tableName.isEmpty ? nil : [.string($0.tableName), .int($0.startedAt)]
        },
        .single(.importsByUser, arity: 2) { $0.userID.isEmpty ? nil : [.string($0.userID), .int($0.startedAt)] },
        .single(.importsByStatus, arity: 2) { [.string($0.status.rawValue), .int($0.startedAt)] },
        .single(.importsByFileHash, arity: 2) {
            $0.fileHash.isEmpty ? nil : [.string($0.fileHash), .int($0.startedAt)]
        },
    ]
}
