import LineageFormat
import LineageStore

/// The tables of a mirror: the seeds' tables under their names, with their column names (the export's field
/// names are the seeds' since format 1.5), the seeds' derived tables (seed 003's `job`, seed 004's
/// `stage_dependencies`), and a `lineage_` table for each kind the seeds do not name.
enum MirrorSchema {
    /// Every mirrored table, in the order they are created.
    static let tables: [MirrorTable] = [
        MirrorTable("process_jobs", JobRecord.self),
        jobProgress,
        MirrorTable("pages", PageRecord.self),
        MirrorTable("lineage_page_versions", PageVersionRecord.self),
        MirrorTable("user_crawl_schedule", ScheduleRecord.self),
        MirrorTable("lineage_crawl_sources", SourceRecord.self),
        MirrorTable("lineage_crawl_batches", CrawlBatchRecord.self),
        MirrorTable("import_history", ImportRecord.self),
        MirrorTable("lineage_import_rows", ImportRowRecord.self),
        MirrorTable("documents", DocumentRecord.self),
        MirrorTable("lineage_stage_definitions", StageDefinitionRecord.self),
        stageDependencies,
        MirrorTable("document_processing_stages", DocumentStageRecord.self),
        MirrorTable("stage_output_files", StageOutputRecord.self),
        MirrorTable("processing_workflows", WorkflowRecord.self),
        MirrorTable("lineage_stage_runs", StageRunRecord.self),
        MirrorTable("lineage_job_events", EventRecord.self),
        MirrorTable("lineage_contents", ContentRecord.self),
        MirrorTable("lineage_sightings", SightingRecord.self),
    ]

    /// The record types the tables hold, each once: the stored types some table is filled from.
    static let kinds = StoredTypes.all.filter { type in tables.contains { $0.kind == type.kind } }

    /// The table holding the mirror's position per store.
    static let positionTable = "lineage_mirror_position"

    /// The tables a record of `kind` lands in.
    static func tables(of kind: RecordKind) -> [MirrorTable] { tables.filter { $0.kind == kind } }

    /// Seed 003's `job` table: a job's status, its merged progress in the crawler payload's camelCase keys, its
    /// resume state and times.
    static let jobProgress = MirrorTable(
        "job", .job,
        [
            .init(name: "id", type: .text), .init(name: "status", type: .text), .init(name: "progress", type: .jsonb),
            .init(name: "resumeState", type: .jsonb), .init(name: "started_at", type: .timestamp),
            .init(name: "finished_at", type: .timestamp), .init(name: "updated_at", type: .timestamp),
        ]
    ) { job in
        let progress: JSONObject = [
            "currentDataType": job["current_data_type"] ?? .string(""),
            "itemsByType": job["items_by_type"] ?? .object([:]),
            "lastProcessedId": job["last_processed_id"] ?? .string(""),
            "operationType": job["operation_type"] ?? .string(""),
            "processedItems": job["processed_items"] ?? .integer(0), "stage": job["stage"] ?? .string(""),
            "totalItems": job["total_items"] ?? .integer(0),
        ]
        return [
            [
                job["id"], job["status"], .object(progress), job["resume_state"], job["started_at"],
                job["completed_at"], job["updated_at"],
            ]
        ]
    }

    /// Seed 004's `stage_dependencies`: one row per edge of the stage graph, and one with no dependency for each
    /// stage that depends on none (as the seed's example has them).
    static let stageDependencies = MirrorTable(
        "stage_dependencies", .stageDefinition,
        [
            .init(name: "id", type: .text), .init(name: "stage_name", type: .text),
            .init(name: "depends_on_stage", type: .text), .init(name: "is_required", type: .boolean),
            .init(name: "execution_order", type: .bigint),
        ]
    ) { stage in
        guard case .string(let name)? = stage["name"] else { return [] }
        let dependencies: [String] =
            if case .array(let values)? = stage["depends_on"] {
                values.compactMap { if case .string(let text) = $0 { text } else { nil } }
            } else { [] }
        let required: JSONValue = stage["optional"] == .bool(true) ? .bool(false) : .bool(true)
        let order = stage["position"] ?? .integer(0)
        guard !dependencies.isEmpty else { return [[.string(name), .string(name), nil, required, order]] }
        return dependencies.map { [.string("\(name):\($0)"), .string(name), .string($0), required, order] }
    }
}
