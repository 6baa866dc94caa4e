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

    func facet(_ name: String, _ fields: JSONObject) -> JSONValue {
        .object(fields.merging(["_producer": .string(producer), "_schemaURL": "urn:lineagestore:facets:\(name):1"]))
    }

    func errorFacet(_ message: String) -> JSONValue {
        [
            "_producer": .string(producer),
            "_schemaURL":
                "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet",
            "message": .string(message), "programmingLanguage": "Swift",
        ]
    }

    mutating func emit(
        _ type: String, at time: Int64, runID: String, job: (String, String), runFacets: JSONObject = [:],
        inputs: [JSONValue] = [], outputs: [JSONValue] = []
    ) {
        let event: JSONValue = [
            "eventType": .string(type), "eventTime": .string(Timestamp.format(time)), "producer": .string(producer),
            "schemaURL": .string(LineageStore.openLineageSchema),
            "run": ["runId": .string(runID), "facets": .object(runFacets)],
            "job": ["namespace": .string(job.0), "name": .string(job.1)], "inputs": .array(inputs),
            "outputs": .array(outputs),
        ]
        lines.append(event.jsonText())
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
        let outputs: [JSONValue] =
            job.websiteID.isEmpty ? [] : [["namespace": "website", "name": .string(job.websiteID), "facets": [:]]]
        let counters = job.jsonValue(only: [
            \.id, \.urlsDiscovered, \.urlsUpdated, \.urlsDeleted, \.urlsErrored, \.batchIDs,
        ])
        let progress = facet("progress", counters.merging(job.progressJSON))
        emit("START", at: job.startedAt, runID: runID, job: name, outputs: outputs)
        if job.progressUpdates > 0 || job.urlsDiscovered + job.urlsUpdated > 0 {
            emit(
                "RUNNING", at: max(job.startedAt, job.updatedAt), runID: runID, job: name,
                runFacets: ["lineagestore_progress": progress], outputs: outputs)
        }
        if let type = Self.terminal(job.status.rawValue) {
            var facets: JSONObject = ["lineagestore_progress": progress]
            if type == "FAIL", !job.lastError.isEmpty { facets["errorMessage"] = errorFacet(job.lastError) }
            emit(
                type, at: job.completedAt ?? job.startedAt, runID: runID, job: name, runFacets: facets, outputs: outputs
            )
        }
    }

    /// An imported file's name, SHA-256 and size, under the names a stage output's file facet uses.
    private static func fileFacet(_ record: ImportRecord) -> JSONObject {
        var content = ContentRecord()
        content.sha256 = Hex.decode(record.fileHash) ?? []
        content.size = record.fileSize
        return content.jsonValue(only: [\.sha256, \.size]).merging(record.jsonValue(only: [\.fileName]))
    }

    mutating func add(_ record: ImportRecord) {
        let runID = Self.runID("import:\(record.id)")
        let name = ("lineagestore", "import.\(record.tableName)")
        let file: JSONValue = [
            "namespace": "file", "name": .string(record.sourcePath.isEmpty ? record.fileName : record.sourcePath),
            "facets": [
                "lineagestore_file": facet("file", Self.fileFacet(record))
            ],
        ]
        let table: JSONValue = [
            "namespace": "table", "name": .string(record.tableName),
            "facets": [
                "lineagestore_rows": facet(
                    "rows",
                    record.jsonValue(only: [\.totalRows, \.insertedRows, \.skippedRows, \.duplicatesFound]))
            ],
        ]
        emit("START", at: record.startedAt, runID: runID, job: name, inputs: [file], outputs: [table])
        if let type = Self.terminal(record.status.rawValue) {
            var facets: JSONObject = [:]
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
        func dataset(_ output: StageOutputRecord) -> JSONValue {
            [
                "namespace": "file", "name": .string(output.path),
                "facets": [
                    "lineagestore_file": facet(
                        "file", output.jsonValue(only: [\.sha256, \.xxh3, \.size, \.mimeType, \.fileType]))
                ],
            ]
        }
        let dependencies = Set(graph.stage(state.stage)?.dependsOn ?? [])
        var inputs = outputs.filter { dependencies.contains($0.stage) }.map(dataset)
        if inputs.isEmpty {
            inputs = [["namespace": "document", "name": .string(document.id), "facets": [:]]]
        }
        let produced = outputs.filter { $0.stage == state.stage }.map(dataset)
        let start = state.startedAt ?? state.completedAt ?? 0
        emit("START", at: start, runID: runID, job: name, inputs: inputs, outputs: produced)
        if let type = Self.terminal(state.status.rawValue) {
            var facets: JSONObject = [
                "lineagestore_stage": facet(
                    "stage",
                    state.jsonValue(only: [\.documentID, \.retryCount, \.rerunCount, \.status, \.metadata]))
            ]
            if type == "FAIL" { facets["errorMessage"] = errorFacet(state.errorMessage) }
            emit(
                type, at: state.completedAt ?? 0, runID: runID, job: name, runFacets: facets, inputs: inputs,
                outputs: produced)
        }
    }
}
