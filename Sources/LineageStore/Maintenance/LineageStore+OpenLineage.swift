import Foundation
import LineageFormat

extension LineageStore {
    /// The producer URI stamped on OpenLineage events and facets.
    public static let openLineageProducer = "urn:lineagestore:library:0.1.0"
    static let openLineageSchema = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"

    /// Writes OpenLineage 2-0-2 `RunEvent`s, one JSON object per line, for every job, import and document stage:
    /// `START` when it began, `RUNNING` with its progress, and `COMPLETE`, `FAIL` or `ABORT` when it ended.
    ///
    /// Run ids are deterministic (a UUIDv8 from the XXH3-128 of the run's kind and id), so exporting twice
    /// gives the same events. Inputs and outputs: a job outputs its website's pages; an import reads its file
    /// and writes its table; a stage reads its dependencies' outputs (or the document) and writes its files.
    /// What the standard facets lack travels in custom facets prefixed `lineagestore_` (file checksums,
    /// progress counters).
    /// - Returns: how many events were written.
    @discardableResult
    public func exportOpenLineage(to write: (String) -> Void) throws -> Int {
        try read { snapshot in
            var events = OpenLineageEvents()
            for job in try snapshot.records(JobRecord.self) { events.add(job) }
            for record in try snapshot.records(ImportRecord.self) { events.add(record) }
            let graph = try snapshot.stageGraph()
            for document in try snapshot.records(DocumentRecord.self) {
                let outputs = try snapshot.records(StageOutputRecord.self, prefix: [.string(document.id)])
                for state in try snapshot.records(DocumentStageRecord.self, prefix: [.string(document.id)]) {
                    events.add(state, document: document, graph: graph, outputs: outputs)
                }
            }
            for event in events.lines { write(event) }
            return events.lines.count
        }
    }
}

/// Builds the OpenLineage events of ``LineageStore/exportOpenLineage(to:)``.
private struct OpenLineageEvents {
    var lines: [String] = []
    let producer = LineageStore.openLineageProducer

    /// A UUIDv8 (RFC 9562) made from the XXH3-128 of `name`.
    static func runID(_ name: String) -> String {
        var bytes = XXH3.hash128(name).canonicalBytes
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return Hex.uuid(bytes)
    }

    func facet(_ name: String, _ fields: [String: Any]) -> [String: Any] {
        fields.merging(["_producer": producer, "_schemaURL": "urn:lineagestore:facets:\(name):1"]) { $1 }
    }

    func errorFacet(_ message: String) -> [String: Any] {
        [
            "_producer": producer,
            "_schemaURL":
                "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet",
            "message": message, "programmingLanguage": "Swift",
        ]
    }

    mutating func emit(
        _ type: String, at time: Int64, runID: String, job: (String, String), runFacets: [String: Any] = [:],
        inputs: [[String: Any]] = [], outputs: [[String: Any]] = []
    ) {
        let event: [String: Any] = [
            "eventType": type, "eventTime": Timestamp.format(time), "producer": producer,
            "schemaURL": LineageStore.openLineageSchema, "run": ["runId": runID, "facets": runFacets],
            "job": ["namespace": job.0, "name": job.1], "inputs": inputs, "outputs": outputs,
        ]
        let data = try! JSONSerialization.data(withJSONObject: event, options: [.sortedKeys, .withoutEscapingSlashes])
        lines.append(String(decoding: data, as: UTF8.self))
    }

    static func terminal(_ status: String) -> String? {
        switch status {
        case "completed", "success", "partial", "skipped": "COMPLETE"
        case "failed": "FAIL"
        case "cancelled", "rolled_back": "ABORT"
        default: nil
        }
    }

    mutating func add(_ job: JobRecord) {
        let runID = Self.runID("job:\(job.id)")
        let name = ("lineagestore", "\(job.processType.rawValue).\(job.websiteID.isEmpty ? job.id : job.websiteID)")
        let outputs: [[String: Any]] =
            job.websiteID.isEmpty
            ? [] : [["namespace": "website", "name": job.websiteID, "facets": [:] as [String: Any]]]
        let counters = job.jsonObject(only: [
            \.id, \.urlsDiscovered, \.urlsUpdated, \.urlsDeleted, \.urlsErrored, \.batchIDs,
        ])
        let progress = facet("progress", counters.merging(job.progressJSON.mapValues(\.foundationObject)) { $1 })
        emit("START", at: job.startedAt, runID: runID, job: name, outputs: outputs)
        if job.progressUpdates > 0 || job.urlsDiscovered + job.urlsUpdated > 0 {
            emit(
                "RUNNING", at: max(job.startedAt, job.updatedAt), runID: runID, job: name,
                runFacets: ["lineagestore_progress": progress], outputs: outputs)
        }
        if let type = Self.terminal(job.status.rawValue) {
            var facets: [String: Any] = ["lineagestore_progress": progress]
            if type == "FAIL", !job.lastError.isEmpty { facets["errorMessage"] = errorFacet(job.lastError) }
            emit(
                type, at: job.completedAt ?? job.startedAt, runID: runID, job: name, runFacets: facets, outputs: outputs
            )
        }
    }

    /// An imported file's name, SHA-256 and size, under the names a stage output's file facet uses.
    private static func fileFacet(_ record: ImportRecord) -> [String: Any] {
        var content = ContentRecord()
        content.sha256 = Hex.decode(record.fileHash) ?? []
        content.size = record.fileSize
        return content.jsonObject(only: [\.sha256, \.size]).merging(record.jsonObject(only: [\.fileName])) { $1 }
    }

    mutating func add(_ record: ImportRecord) {
        let runID = Self.runID("import:\(record.id)")
        let name = ("lineagestore", "import.\(record.tableName)")
        let file: [String: Any] = [
            "namespace": "file", "name": record.sourcePath.isEmpty ? record.fileName : record.sourcePath,
            "facets": [
                "lineagestore_file": facet("file", Self.fileFacet(record))
            ],
        ]
        let table: [String: Any] = [
            "namespace": "table", "name": record.tableName,
            "facets": [
                "lineagestore_rows": facet(
                    "rows",
                    record.jsonObject(only: [\.totalRows, \.insertedRows, \.skippedRows, \.duplicatesFound]))
            ],
        ]
        emit("START", at: record.startedAt, runID: runID, job: name, inputs: [file], outputs: [table])
        if let type = Self.terminal(record.status.rawValue) {
            var facets: [String: Any] = [:]
            if type == "FAIL", !record.errorMessage.isEmpty { facets["errorMessage"] = errorFacet(record.errorMessage) }
            let time = max(record.completedAt ?? 0, record.rolledBackAt ?? 0)
            emit(type, at: time, runID: runID, job: name, runFacets: facets, inputs: [file], outputs: [table])
        }
    }

    mutating func add(
        _ state: DocumentStageRecord, document: DocumentRecord, graph: StageGraph, outputs: [StageOutputRecord]
    ) {
        guard state.startedAt != nil || state.status == .skipped else { return }
        let runID = Self.runID(
            "stage:\(state.documentID)/\(state.stage)" + (state.rerunCount > 0 ? "#rerun-\(state.rerunCount)" : ""))
        let name = ("lineagestore", "stage.\(state.stage)")
        func dataset(_ output: StageOutputRecord) -> [String: Any] {
            [
                "namespace": "file", "name": output.path,
                "facets": [
                    "lineagestore_file": facet(
                        "file", output.jsonObject(only: [\.sha256, \.xxh3, \.size, \.mimeType, \.fileType]))
                ],
            ]
        }
        let dependencies = Set(graph.stage(state.stage)?.dependsOn ?? [])
        var inputs = outputs.filter { dependencies.contains($0.stage) }.map(dataset)
        if inputs.isEmpty {
            inputs = [["namespace": "document", "name": document.id, "facets": [:] as [String: Any]]]
        }
        let produced = outputs.filter { $0.stage == state.stage }.map(dataset)
        let start = state.startedAt ?? state.completedAt ?? 0
        emit("START", at: start, runID: runID, job: name, inputs: inputs, outputs: produced)
        if let type = Self.terminal(state.status.rawValue) {
            var facets: [String: Any] = [
                "lineagestore_stage": facet(
                    "stage",
                    state.jsonObject(only: [\.documentID, \.retryCount, \.rerunCount, \.status, \.metadata]))
            ]
            if type == "FAIL" { facets["errorMessage"] = errorFacet(state.errorMessage) }
            emit(
                type, at: state.completedAt ?? 0, runID: runID, job: name, runFacets: facets, inputs: inputs,
                outputs: produced)
        }
    }
}
