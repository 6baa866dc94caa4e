import LineageFormat
import LineageStore

/// The tables of a mirror: the seeds' tables under their names, with their column names and types (the
/// export's field names are the seeds' since format 1.5; ids the seeds type `UUID` are `TEXT`), the seeds'
/// derived tables (seed 003's `job`, seed 004's `stage_dependencies`), and a `lineage_` table for each kind
/// the seeds do not name. Citus distributes each table by the column its seed's joins use, so a document's
/// stages, outputs and workflow, a job's events and progress, a user's schedule, sources and batches, and an
/// import's rows sit on one node.
enum MirrorSchema {
    /// Every mirrored table, in the order they are created.
    static let tables: [MirrorTable] = [
        processJobs, jobProgress, pages,
        MirrorTable(
            "lineage_page_versions", PageVersionRecord.self,
            indexes: [.init("lineage_page_versions_job", "(store_id, job_id)")],
            distribution: .column("page_id", colocatedWith: "pages")),
        schedules,
        MirrorTable(
            "lineage_crawl_sources", SourceRecord.self,
            distribution: .column("user_id", colocatedWith: "user_crawl_schedule")),
        MirrorTable(
            "lineage_crawl_batches", CrawlBatchRecord.self,
            distribution: .column("user_id", colocatedWith: "user_crawl_schedule")),
        imports,
        MirrorTable(
            "lineage_import_rows", ImportRowRecord.self,
            distribution: .column("import_id", colocatedWith: "import_history")),
        documents,
        MirrorTable("lineage_stage_definitions", StageDefinitionRecord.self, distribution: .reference),
        stageDependencies, documentStages, stageOutputs, workflows,
        MirrorTable(
            "lineage_stage_runs", StageRunRecord.self,
            distribution: .column("document_id", colocatedWith: "documents")),
        MirrorTable(
            "lineage_job_events", EventRecord.self, seed: [.init("timeline_entry", .jsonb, timelineEntry)],
            indexes: [
                .init("lineage_job_events_job", "(store_id, job_id, sequence)"),
                .init("lineage_job_events_errors", "(store_id, job_id, sequence) WHERE \(MirrorDerivations.isError)"),
            ],
            distribution: .column("job_id", colocatedWith: "process_jobs")),
        MirrorTable("lineage_contents", ContentRecord.self, distribution: .column("sha256", colocatedWith: nil)),
        MirrorTable(
            "lineage_sightings", SightingRecord.self,
            distribution: .column("sha256", colocatedWith: "lineage_contents")),
    ]

    /// The record types the tables hold, each once: the stored types some table is filled from.
    static let kinds = StoredTypes.all.filter { type in tables.contains { $0.kind == type.kind } }

    /// The table holding the mirror's position per store.
    static let positionTable = "lineage_mirror_position"

    /// The tables a record of `kind` lands in.
    static func tables(of kind: RecordKind) -> [MirrorTable] { tables.filter { $0.kind == kind } }

    /// Seed 000's `process_jobs`; `errors` holds the job's error events (``MirrorDerivations`` fills it).
    static let processJobs = MirrorTable(
        "process_jobs", JobRecord.self,
        seed: typed(.integer, "urls_discovered", "urls_updated", "urls_deleted", "urls_errored")
            + [.derivedInPostgreSQL("errors", .jsonb)],
        indexes: [
            .init("process_jobs_id", "(store_id, id)", unique: true),
            .init("process_jobs_website", "(website_id, started_at)"),
        ],
        distribution: .column("id", colocatedWith: nil))

    /// Seed 000's `pages` with its lineage columns, indexed for "which run created, changed or scraped it".
    static let pages = MirrorTable(
        "pages", PageRecord.self,
        indexes: [
            .init("pages_id", "(store_id, id)", unique: true),
            .init("pages_created_by_process_id", "(created_by_process_id)"),
            .init("pages_last_updated_by_process_id", "(last_updated_by_process_id)"),
            .init("pages_firecrawl_batch_id", "(firecrawl_batch_id)"),
        ],
        distribution: .column("id", colocatedWith: nil))

    /// Seed 001's `user_crawl_schedule`: `id` is the user's (one schedule per user), `is_crawling` whether
    /// the batch-crawl lease is held and unexpired (``MirrorDerivations`` sets it, and clears it when the lease
    /// runs out).
    static let schedules = MirrorTable(
        "user_crawl_schedule", ScheduleRecord.self,
        seed: [.init("id", .text) { $0["user_id"] }, .derivedInPostgreSQL("is_crawling", .boolean)]
            + typed(.integer, "crawl_frequency_hours", "sources_crawled_count", "sources_failed_count"),
        indexes: [
            .init("user_crawl_schedule_user_id", "(store_id, user_id)", unique: true),
            .init("user_crawl_schedule_next", "(next_scheduled_crawl_at)"),
        ],
        distribution: .column("user_id", colocatedWith: nil))

    /// Seed 002's `import_history`: the counts as `INTEGER`, the times as `DECIMAL(10, 3)`, `validation_errors`
    /// as the seed's count with the list in `validation_error_details`, `created_at` the import's start.
    static let imports = MirrorTable(
        "import_history", ImportRecord.self,
        seed: importColumns,
        timestamps: .timestamp,
        indexes: [
            .init("import_history_import_id", "(store_id, import_id)", unique: true),
            .init("idx_import_history_timestamp", "(import_timestamp)"),
            .init("idx_import_history_table", "(table_name)"), .init("idx_import_history_status", "(status)"),
            .init("idx_import_history_user", "(user_id)"), .init("idx_import_history_file_hash", "(file_hash)"),
        ],
        distribution: .column("import_id", colocatedWith: nil))

    /// Seed 002's columns of `import_history` that differ from the record's fields.
    private static let importColumns: [MirrorTable.Column] = {
        let counts = typed(
            .integer, "total_rows_in_file", "rows_processed", "rows_inserted", "rows_skipped", "duplicates_found")
        let timings = typed(
            .seconds, "duration_seconds", "parsing_time_seconds", "duplicate_check_time_seconds",
            "insert_time_seconds")
        let validation: [MirrorTable.Column] = [
            .init("validation_errors", .integer, replacing: "validation_errors") { record in
                switch record["validation_errors"] {
                case .array(let errors)?: .integer(Int64(errors.count))
                case .integer(let count)?: .integer(count)
                case .unsigned(let count)?: .unsigned(count)
                case nil, .null?: .integer(0)
                default: .integer(1)
                }
            },
            .init("validation_error_details", .jsonb) { $0["validation_errors"] },
            .init("created_at", .timestamp) { $0["import_timestamp"] },
        ]
        return [.init("file_size_bytes", .bigint), .init("warnings", .textArray)] + counts + timings + validation
    }()

    /// Columns showing the fields `names`, all of SQL type `type` (the seeds' `INTEGER` counts…).
    private static func typed(_ type: SQLType, _ names: String...) -> [MirrorTable.Column] {
        names.map { MirrorTable.Column($0, type) }
    }

    /// Seed 004's `documents` (the store's `realm` is the seed's `realm_id`).
    static let documents = MirrorTable(
        "documents", DocumentRecord.self, seed: [.init("realm_id", .text, field: "realm")], timestamps: .timestamp,
        indexes: [.init("documents_id", "(store_id, id)", unique: true)],
        distribution: .column("id", colocatedWith: nil))

    /// Seed 004's `document_processing_stages`; `id` is the seed's `document_id + '_' + stage_name`.
    static let documentStages = MirrorTable(
        "document_processing_stages", DocumentStageRecord.self,
        seed: [
            .init("id", .text) { joined($0, "document_id", "stage_name") }, .init("retry_count", .integer),
        ],
        timestamps: .timestamp,
        indexes: [
            .init("unique_document_stage", "(store_id, document_id, stage_name)", unique: true),
            .init("idx_document_stages", "(document_id)"), .init("idx_stage_status", "(stage_name, status)"),
        ],
        distribution: .column("document_id", colocatedWith: "documents"))

    /// Seed 004's `stage_output_files`; `id` is `document_id + '_' + stage_name + '_' + file_path` (a stage may
    /// write several files of one type, so the seed's unique key on the type is an index here).
    static let stageOutputs = MirrorTable(
        "stage_output_files", StageOutputRecord.self,
        seed: [
            .init("id", .text) { joined($0, "document_id", "stage_name", "file_path") },
            .init("file_size", .bigint),
        ],
        timestamps: .timestamp,
        indexes: [
            .init("idx_document_files", "(document_id)"), .init("idx_stage_files", "(stage_name, file_type)"),
            .init("idx_document_stage_file", "(document_id, stage_name, file_type)"),
        ],
        distribution: .column("document_id", colocatedWith: "documents"))

    /// Seed 004's `processing_workflows`; `id` is the seed's `'workflow_' + document_id`.
    static let workflows = MirrorTable(
        "processing_workflows", WorkflowRecord.self,
        seed: [
            .init("id", .text) { record in record["document_id"].flatMap { .string("workflow_" + text($0)) } },
            .init("total_stages", .integer), .init("completed_stages", .integer),
        ],
        timestamps: .timestamp,
        indexes: [.init("idx_workflow_status", "(current_stage, workflow_type)")],
        distribution: .column("document_id", colocatedWith: "documents"))

    /// Seed 003's `job`, for every job with progress: its status, its merged progress in the crawler payload's
    /// camelCase keys (with its `timeline`, which ``MirrorDerivations`` fills), its resume state and times.
    static let jobProgress = MirrorTable(
        "job", .job,
        [
            .init("id", .text), .init("status", .text), .init("progress", .jsonb),
            .init("resumeState", .jsonb, field: "resume_state"), .init("started_at", .timestamp),
            .init("finished_at", .timestamp, field: "completed_at"), .init("updated_at", .timestamp),
        ],
        indexes: [
            .init("job_id", "(store_id, id)", unique: true), .init("idx_job_progress", "USING GIN (progress)"),
            .init("idx_job_status", "(status)"), .init("idx_job_updated_at", "(updated_at)"),
            .init("idx_job_progress_stage", "USING GIN ((progress->'stage'))"),
            .init("idx_job_progress_items", "USING GIN ((progress->'itemsByType'))"),
        ],
        distribution: .column("id", colocatedWith: "process_jobs"), expand: jobRow)

    /// The `job` row of a job with progress (none for one without).
    private static func jobRow(_ job: JSONObject) -> [JSONObject] {
        guard let updates = job["progress_updates"], updates != .unsigned(0), updates != .integer(0) else {
            return []
        }
        let progress: JSONObject = [
            "currentDataType": job["current_data_type"] ?? .string(""),
            "itemsByType": job["items_by_type"] ?? .object([:]),
            "lastProcessedId": job["last_processed_id"] ?? .string(""),
            "operationType": job["operation_type"] ?? .string(""),
            "processedItems": job["processed_items"] ?? .integer(0), "stage": job["stage"] ?? .string(""),
            "totalItems": job["total_items"] ?? .integer(0),
        ]
        var row = job
        row["progress"] = .object(progress)
        return [row]
    }

    /// Seed 004's `stage_dependencies`: one row per edge of the stage graph, and one with no dependency for each
    /// stage that depends on none (as the seed's example has them).
    static let stageDependencies = MirrorTable(
        "stage_dependencies", .stageDefinition,
        [
            .init("id", .text), .init("stage_name", .text), .init("depends_on_stage", .text),
            .init("is_required", .boolean), .init("execution_order", .integer),
        ],
        keyColumns: ["id"],
        indexes: [
            .init("unique_dependency", "(store_id, stage_name, depends_on_stage)", unique: true),
            .init("idx_stage_order", "(execution_order)"),
        ],
        distribution: .reference, expand: dependencyRows)

    /// The `stage_dependencies` rows of a stage definition.
    private static func dependencyRows(_ stage: JSONObject) -> [JSONObject] {
        guard case .string(let name)? = stage["name"] else { return [] }
        let dependencies: [String] =
            if case .array(let values)? = stage["depends_on"] {
                values.compactMap { if case .string(let text) = $0 { text } else { nil } }
            } else { [] }
        let row: JSONObject = [
            "id": .string(name), "stage_name": .string(name),
            "is_required": stage["optional"] == .bool(true) ? .bool(false) : .bool(true),
            "execution_order": stage["position"] ?? .integer(0),
        ]
        guard !dependencies.isEmpty else { return [row] }
        return dependencies.map { dependency in
            var edge = row
            edge["id"] = .string("\(name):\(dependency)")
            edge["depends_on_stage"] = .string(dependency)
            return edge
        }
    }

    /// An event as an entry of seed 003's timeline (`timestamp`, `event`, `details`), with what the store knows
    /// beyond it (`message`, `url`, `reporter`, its `seq`, the event's `sequence`) where it has it: built once
    /// per event, so that a job's timeline is an aggregate of stored entries.
    private static func timelineEntry(_ event: JSONObject) -> JSONValue? {
        var entry: JSONObject = ["timestamp": event["timestamp"] ?? .null, "event": event["event"] ?? .null]
        if let details = event["details"], details != .null { entry["details"] = details }
        for name in ["message", "url", "reporter"] {
            if case .string(let text)? = event[name], !text.isEmpty { entry[name] = .string(text) }
        }
        if let seq = event["reporter_seq"], seq != .integer(0), seq != .unsigned(0) { entry["seq"] = seq }
        entry["sequence"] = event["sequence"] ?? .null
        return .object(entry)
    }

    /// The text of `value` (a string as itself, anything else as its JSON).
    private static func text(_ value: JSONValue) -> String {
        if case .string(let text) = value { text } else { value.jsonText() }
    }

    /// `fields`' values joined by `_`, as the seeds make ids of their keys.
    private static func joined(_ object: JSONObject, _ fields: String...) -> JSONValue {
        .string(fields.map { object[$0].map(text) ?? "" }.joined(separator: "_"))
    }
}
