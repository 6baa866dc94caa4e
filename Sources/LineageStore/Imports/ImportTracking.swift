import LineageFormat

/// What is known when an import starts: the input of ``LineageStore/startImport(_:)``.
public struct ImportStart: Sendable, Equatable {
    /// The import id, or `nil` to mint a UUIDv7.
    public var id: String?
    /// A file to hash (SHA-256 and XXH3-128, through the stat cache): fills `file_hash`, `file_size` and, when
    /// empty, `file_name`, and records the content as seen at `import:ID`. `nil` to give them yourself.
    public var filePath: String?
    /// Where the data came from: `file`, `url`, `api`….
    public var sourceType = "file"
    /// The source's path or URL.
    public var sourcePath = ""
    /// The file's name.
    public var fileName = ""
    /// The file's size in bytes.
    public var fileSize = 0
    /// The file's type: `csv`, `json`, `xlsx`….
    public var fileType = ""
    /// The file's SHA-256 as lowercase hex (64 digits), or empty.
    public var fileHash = ""
    /// The target table.
    public var tableName: String
    /// How rows are written: `insert`, `upsert`, `replace`….
    public var importStrategy = "insert"
    /// The column mapping, a JSON document.
    public var mappingConfig = ""
    /// Whether duplicate rows are checked for.
    public var duplicateCheckEnabled = false
    /// Rows in the file, if known.
    public var totalRows = 0
    /// The analysis that preceded it.
    public var analysisID = ""
    /// The background task that runs it.
    public var taskID = ""
    /// Caller metadata, a JSON document.
    public var metadata = ""
    /// The user who runs it.
    public var userID = ""
    /// That user's e-mail address.
    public var userEmail = ""

    /// Creates the start of an import into `tableName`.
    public init(tableName: String) { self.tableName = tableName }
}

/// How an import ended: the input of ``LineageStore/completeImport(_:_:)``.
public struct ImportCompletion: Sendable, Equatable {
    /// `success`, `failed` or `partial`.
    public var status: ImportStatus
    /// Rows in the file, if not given at the start.
    public var totalRows: Int?
    /// Rows read.
    public var processedRows = 0
    /// Rows written.
    public var insertedRows = 0
    /// Rows skipped.
    public var skippedRows = 0
    /// Duplicate rows found.
    public var duplicatesFound = 0
    /// The failure message.
    public var errorMessage = ""
    /// Warnings, a JSON array.
    public var warnings = ""
    /// Validation errors, a JSON array.
    public var validationErrors = ""
    /// Parsing time, seconds.
    public var parsingDurationSeconds = 0.0
    /// Duplicate-check time, seconds.
    public var duplicateCheckDurationSeconds = 0.0
    /// Insert time, seconds.
    public var insertDurationSeconds = 0.0
    /// The whole import's duration as the caller measured it, seconds; `nil` measures it from the start to
    /// this completion.
    public var durationSeconds: Double?

    /// Creates a completion with `status`.
    public init(status: ImportStatus) { self.status = status }
}

/// Which imports ``LineageStore/imports(_:limit:offset:)`` lists. Unset fields match every import.
public struct ImportFilter: Sendable, Equatable {
    /// Only imports into this table.
    public var tableName: String?
    /// Only imports by this user.
    public var userID: String?
    /// Only imports with this status.
    public var status: ImportStatus?
    /// Only imports started at or after this time.
    public var since: Int64?
    /// Only imports started before this time.
    public var until: Int64?
    /// Only imports of a file with this SHA-256 (hex): "which tables did this file affect?"
    public var fileHash: String?
    /// Only imports that took at least this many seconds: the slow ones.
    public var minDurationSeconds: Double?

    /// Creates a filter.
    public init(
        tableName: String? = nil, userID: String? = nil, status: ImportStatus? = nil, since: Int64? = nil,
        until: Int64? = nil, fileHash: String? = nil, minDurationSeconds: Double? = nil
    ) {
        self.tableName = tableName
        self.userID = userID
        self.status = status
        self.since = since
        self.until = until
        self.fileHash = fileHash
        self.minDurationSeconds = minDurationSeconds
    }

    /// The most selective index query, newest first, and whether a record passes the rest.
    var plan: (IndexQuery, (ImportRecord) -> Bool) {
        let from = since.map { [TupleElement.int($0)] }
        let before = until.map { [TupleElement.int($0)] }
        var query =
            if let fileHash {
                IndexQuery(.importsByFileHash, equal: [.string(fileHash)], from: from, before: before)
            } else if let tableName {
                IndexQuery(.importsByTable, equal: [.string(tableName)], from: from, before: before)
            } else if let userID {
                IndexQuery(.importsByUser, equal: [.string(userID)], from: from, before: before)
            } else if let status {
                IndexQuery(.importsByStatus, equal: [.string(status.rawValue)], from: from, before: before)
            } else {
                IndexQuery(.importsByStart, from: from, before: before)
            }
        query.direction = .backward
        return (
            query,
            { record in
                (tableName.map(record.tableName.sameBytes) ?? true) && (userID.map(record.userID.sameBytes) ?? true)
                    && (status == nil || record.status == status)
                    && (fileHash.map(record.fileHash.sameBytes) ?? true)
                    && (minDurationSeconds.map { record.durationSeconds >= $0 } ?? true)
            }
        )
    }
}

/// A page of imports and the number of imports the filter matches (the seed's `/import-history` answer:
/// `imports`, `total_count`, `limit`, `offset`).
public struct ImportListing: Sendable, Encodable {
    /// The imports of the page, newest first.
    public var imports: [ImportRecord]
    /// How many imports match the filter in all.
    public var total: Int
    /// The most imports the page could hold.
    public var limit: Int
    /// How many matching imports were skipped before the page.
    public var offset: Int

    private enum CodingKeys: String, CodingKey { case imports, total = "total_count", limit, offset }
}

/// Import statistics over a period (the seed design's `/import-statistics`).
public struct ImportStatistics: Sendable, Equatable, Encodable {
    /// One table's share.
    public struct TableSummary: Sendable, Equatable, Encodable {
        /// The table.
        public var tableName: String
        /// Imports into it.
        public var imports: Int
        /// Rows they inserted.
        public var rowsInserted: UInt64

        private enum CodingKeys: String, CodingKey {
            case tableName = "table_name", imports, rowsInserted = "rows_inserted"
        }
    }

    /// The period's length in days.
    public var days: Int
    /// The period's start.
    @RFC3339 public var since: Int64
    /// Imports started in the period.
    public var totalImports = 0
    /// Of which succeeded.
    public var successfulImports = 0
    /// Of which failed.
    public var failedImports = 0
    /// Of which partly succeeded.
    public var partialImports = 0
    /// Of which are still running.
    public var inProgressImports = 0
    /// Of which were rolled back.
    public var rolledBackImports = 0
    /// Rows read.
    public var totalRowsProcessed: UInt64 = 0
    /// Rows written, and not rolled back since.
    public var totalRowsInserted: UInt64 = 0
    /// Rows skipped.
    public var totalRowsSkipped: UInt64 = 0
    /// Duplicate rows found.
    public var totalDuplicatesFound: UInt64 = 0
    /// Mean duration of finished imports, seconds.
    public var averageDurationSeconds = 0.0
    /// Successful imports over finished imports (rolled-back ones left out), 0...1.
    public var successRate = 0.0
    /// How many tables hold rows from them (a rolled-back import's rows are gone, so it adds none).
    public var tablesAffected = 0
    /// How many users started them.
    public var uniqueUsers = 0
    /// Per table, most rows first.
    public var byTable: [TableSummary] = []

    private enum CodingKeys: String, CodingKey {
        case days = "period_days", since, totalImports = "total_imports", successfulImports = "successful_imports"
        case failedImports = "failed_imports", partialImports = "partial_imports"
        case inProgressImports = "in_progress_imports", rolledBackImports = "rolled_back_imports"
        case totalRowsProcessed = "total_rows_processed", totalRowsInserted = "total_rows_inserted"
        case totalRowsSkipped = "total_rows_skipped", totalDuplicatesFound = "total_duplicates_found"
        case averageDurationSeconds = "avg_duration_seconds", successRate = "success_rate"
        case tablesAffected = "tables_affected", uniqueUsers = "unique_users", byTable = "by_table"
    }
}

/// The imports that fed a table and what they contributed (the seed's `/tables/{table_name}/lineage`
/// answer: `table_name`, `imports`, `total_imports`, `total_rows_contributed`).
public struct TableLineage: Sendable, Encodable {
    /// The table.
    public var tableName: String
    /// Its imports, newest first.
    public var imports: [ImportRecord]
    /// Rows inserted by imports that were not rolled back.
    public var rowsContributed: UInt64

    private enum CodingKeys: String, CodingKey {
        case tableName = "table_name", imports, totalImports = "total_imports",
            rowsContributed = "total_rows_contributed"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tableName, forKey: .tableName)
        try container.encode(imports, forKey: .imports)
        try container.encode(imports.count, forKey: .totalImports)
        try container.encode(rowsContributed, forKey: .rowsContributed)
    }
}

/// Imports of the same file content.
public struct DuplicateImports: Sendable, Encodable {
    /// The file's SHA-256 (hex).
    public var fileHash: String
    /// The imports, oldest first.
    public var imports: [ImportRecord]

    private enum CodingKeys: String, CodingKey { case fileHash = "file_hash", imports }
}

/// What ``LineageStore/rollbackImport(_:dryRun:)`` hands back.
public struct ImportRollback: Sendable {
    /// The import after the rollback (unchanged on a dry run).
    public var importRecord: ImportRecord
    /// Exactly the rows to delete, in the order they were written.
    public var rows: [ImportRowRecord]

    /// The rows to delete as `{table_name, row_key}`, the form `lineage imports rollback` prints.
    public var deletions: [RowDeletion] { rows.map { RowDeletion(tableName: $0.tableName, rowKey: $0.rowKey) } }
}

/// One row a rollback deletes: its table and its key there.
public struct RowDeletion: Sendable, Hashable, Encodable {
    /// The table the row is in.
    public var tableName: String
    /// The row's key in that table.
    public var rowKey: String

    private enum CodingKeys: String, CodingKey { case tableName = "table_name", rowKey = "row_key" }
}

/// What a retention purge removed (or, on a dry run, would remove).
public struct ImportPurgeReport: Sendable, Equatable, Encodable {
    /// Whether nothing was deleted.
    public var dryRun: Bool
    /// Imports started before this time were purged.
    public var cutoff: Int64
    /// The purged imports' ids, oldest first.
    public var importIDs: [String] = []
    /// Row records removed with them.
    public var rowsRemoved = 0
    /// Write transactions used.
    public var batches = 0

    private enum CodingKeys: String, CodingKey {
        case dryRun = "dry_run", cutoff, importIDs = "import_ids", imports, rowsRemoved = "rows_removed", batches
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encode(Timestamp.format(cutoff), forKey: .cutoff)
        try container.encode(importIDs, forKey: .importIDs)
        try container.encode(importIDs.count, forKey: .imports)
        try container.encode(rowsRemoved, forKey: .rowsRemoved)
        try container.encode(batches, forKey: .batches)
    }
}
