import LineageFormat

extension WriteContext {
    /// Adds or replaces stage definitions (by name) and checks the resulting DAG; a definition's position is
    /// its place in `definitions` after the stages already defined.
    /// - Throws: `.invalidInput` naming an unknown dependency or the cycle found; nothing is stored then.
    @discardableResult
    public func defineStages(_ definitions: [StageDefinitionRecord]) throws -> StageGraph {
        var merged = try records(StageDefinitionRecord.self)
        var next = (merged.map(\.position).max() ?? 0) + 1
        for var definition in definitions {
            if let index = merged.firstIndex(where: { $0.name.sameBytes(as: definition.name) }) {
                definition.position = merged[index].position
                merged[index] = definition
            } else {
                definition.position = next
                next += 1
                merged.append(definition)
            }
        }
        let graph = try StageGraph(merged)
        for definition in merged { try save(definition) }
        return graph
    }

    /// Adds a document with every defined stage pending and its workflow summary.
    /// - Throws: `.duplicate` if the id is taken; `.invalidInput` for empty or over-long fields or a
    ///   configuration that is not JSON; `.conflict` if no stages are defined.
    @discardableResult
    public func addDocument(
        id: String, title: String = "", realm: String = "", workflowType: WorkflowType = .manual,
        configuration: String = ""
    ) throws -> DocumentRecord {
        try Validation.identifier(id, "document id")
        try Validation.text(title, "title")
        try Validation.text(realm, "realm", limit: Validation.maxIdentifierBytes)
        try Validation.identifier(workflowType.rawValue, "workflow type")
        try Validation.json(configuration, "configuration")
        let graph = try stageGraph()
        guard !graph.stages.isEmpty else {
            throw StoreError(.conflict, "no processing stages are defined; define them before adding documents")
        }
        var document = DocumentRecord()
        document.id = id
        document.title = title
        document.realm = realm
        document.createdAt = now
        document.updatedAt = now
        try insert(document)
        for stage in graph.stages {
            var state = DocumentStageRecord()
            state.documentID = id
            state.stage = stage.name
            state.status = .pending
            state.updatedAt = now
            try insert(state)
        }
        var workflow = WorkflowRecord()
        workflow.documentID = id
        workflow.workflowType = workflowType
        workflow.configuration.stored = configuration
        workflow.createdAt = now
        try refreshWorkflow(&workflow, graph)
        return document
    }

    /// Defines the seed design's default pipeline (``StageDefinitionRecord/defaultPipeline``).
    @discardableResult
    public func installDefaultPipeline() throws -> StageGraph {
        try defineStages(StageDefinitionRecord.defaultPipeline)
    }

    /// Starts a stage for a document: `pending` → `in_progress`, or a retry `failed` → `in_progress` while
    /// retries are left (counting it). The run's `metadata` (a JSON document) replaces the last run's.
    /// - Throws: `.conflict` naming the unmet dependencies, the illegal transition, or the exhausted retries;
    ///   `.invalidInput` for metadata that is not JSON.
    @discardableResult
    public func startStage(documentID: String, stage: String, metadata: String? = nil) throws
        -> DocumentStageRecord
    {
        try transitionStage(documentID, stage, to: .inProgress, metadata: metadata)
    }

    /// Completes a running stage; `metadata`, if given, replaces the run's.
    @discardableResult
    public func completeStage(documentID: String, stage: String, metadata: String? = nil) throws
        -> DocumentStageRecord
    {
        try transitionStage(documentID, stage, to: .completed, metadata: metadata)
    }

    /// Fails a running stage with `error`; `metadata`, if given, replaces the run's.
    @discardableResult
    public func failStage(documentID: String, stage: String, error: String, metadata: String? = nil) throws
        -> DocumentStageRecord
    {
        try transitionStage(documentID, stage, to: .failed, error: error, metadata: metadata)
    }

    /// Skips a pending or failed optional stage.
    @discardableResult
    public func skipStage(documentID: String, stage: String, metadata: String? = nil) throws
        -> DocumentStageRecord
    {
        try transitionStage(documentID, stage, to: .skipped, metadata: metadata)
    }

    /// Resets `stage` and every stage downstream of it to `pending` so the document is processed again from
    /// there (after a fix), counting a rerun on each; their finished runs stay in the document's history
    /// (``Snapshot/stageHistory(documentID:)``) and their outputs stay until new runs replace them. Stages
    /// already pending are left as they are.
    /// - Returns: the states of the stages reset, in definition order.
    /// - Throws: `.notFound` for an unknown document or stage; `.conflict` if one of those stages is running
    ///   (naming it), since its worker would report into a reset state.
    @discardableResult
    public func rerunStage(documentID: String, stage: String) throws -> [DocumentStageRecord] {
        guard try document(documentID) != nil else {
            throw StoreError(.notFound, "no document \(documentID) in \(path)")
        }
        let graph = try stageGraph()
        guard graph.stage(stage) != nil else { throw StoreError(.notFound, "no stage \(stage) is defined") }
        let downstream = Set(graph.downstream(of: stage).map { ExactString($0.name) })
        let affected = Self.stages(of: documentID, in: graph, states: try stageStates(documentID))
            .filter { downstream.contains(ExactString($0.stage)) }
        if let running = affected.first(where: { $0.status == .inProgress }) {
            throw StoreError(
                .conflict,
                "stage \(running.stage) of document \(documentID) is running; complete or fail it before "
                    + "rerunning \(stage)")
        }
        var reset: [DocumentStageRecord] = []
        for var state in affected where state.status != .pending {
            state.status = .pending
            state.startedAt = nil
            state.completedAt = nil
            state.errorMessage = ""
            state.retryCount = 0
            state.metadata = nil
            state.rerunCount += 1
            state.updatedAt = now
            try save(state)
            reset.append(state)
        }
        try refreshWorkflow(documentID: documentID, graph)
        return reset
    }

    /// Deletes a document with everything that belongs to it — its stage states, outputs, workflow and
    /// history — in this transaction (the seed's `ON DELETE CASCADE`).
    /// - Returns: what was removed, with the output files no remaining output record names (safe to delete
    ///   from the storage root).
    /// - Throws: `.notFound` if there is no such document.
    @discardableResult
    public func deleteDocument(_ id: String) throws -> DocumentDeletion {
        guard let document = try delete(DocumentRecord.self, [.string(id)]) else {
            throw StoreError(.notFound, "no document \(id) in \(path)")
        }
        let states = try records(DocumentStageRecord.self, prefix: [.string(id)])
        for state in states { try delete(DocumentStageRecord.self, state.primaryKey) }
        let outputs = try records(StageOutputRecord.self, prefix: [.string(id)])
        for output in outputs { try delete(StageOutputRecord.self, output.primaryKey) }
        let history = try records(StageRunRecord.self, prefix: [.string(id)])
        try trim(StageRunRecord.self, history.map(\.primaryKey))
        let workflow = try delete(WorkflowRecord.self, [.string(id)])
        var named: Set<ExactString> = []
        if !outputs.isEmpty {
            for output in try records(StageOutputRecord.self) { named.insert(ExactString(output.path)) }
        }
        return DocumentDeletion(
            document: document, stagesRemoved: states.count, outputsRemoved: outputs.count,
            historyRemoved: history.count, workflowRemoved: workflow != nil,
            unreferencedFiles: outputs.map(\.path).filter { !named.contains(ExactString($0)) })
    }

    /// Records a file a stage produced, with its size and digests, and registers its content as seen at
    /// `stage_output:DOCUMENT/STAGE/PATH`. A transaction reads no files: an output whose source is `.file` is
    /// hashed first by ``LineageStore/recordStageOutput(documentID:stage:_:)``.
    /// - Throws: `.invalidInput` for a path that is absolute, has `..`, `.` or empty components or a NUL byte,
    ///   or a `.file` source; `.notFound` for an unknown document or stage.
    @discardableResult
    public func recordStageOutput(documentID: String, stage: String, _ output: StageOutput) throws
        -> StageOutputRecord
    {
        try StoragePath.validate(output.path)
        try Validation.text(output.mimeType, "mime type", required: true, limit: 256)
        try Validation.text(output.fileType, "file type", limit: 256)
        try Validation.json(output.metadata, "output metadata")
        guard case .digests(let digests) = output.source else {
            throw StoreError(
                .invalidInput,
                "output \(output.path): a transaction does not read files; pass its digests "
                    + "(LineageStore.recordStageOutput hashes it)")
        }
        guard try document(documentID) != nil else {
            throw StoreError(.notFound, "no document \(documentID) in \(path)")
        }
        guard try stageGraph().stage(stage) != nil else { throw StoreError(.notFound, "no stage \(stage) is defined") }
        var record = StageOutputRecord()
        record.documentID = documentID
        record.stage = stage
        record.path = output.path
        record.size = digests.size
        record.mimeType = output.mimeType
        record.fileType.stored = output.fileType
        record.sha256 = digests.sha256 ?? []
        record.xxh3 = digests.xxh3.canonicalBytes
        record.metadata.stored = output.metadata
        record.createdAt = now
        try save(record)
        try recordContent(digests, seenAt: "stage_output:\(documentID)/\(stage)/\(output.path)")
        return record
    }

    private func transitionStage(
        _ documentID: String, _ stage: String, to status: StageStatus, error: String = "", metadata: String?
    ) throws -> DocumentStageRecord {
        try Validation.text(error, "stage error")
        if let metadata { try Validation.json(metadata, "stage metadata") }
        guard try fetch(DocumentRecord.self, [.string(documentID)]) != nil else {
            throw StoreError(.notFound, "no document \(documentID) in \(path)")
        }
        let graph = try stageGraph()
        guard let definition = graph.stage(stage) else {
            throw StoreError(.notFound, "no stage \(stage) is defined")
        }
        let states = try stageStates(documentID)
        var state = states[ExactString(stage)] ?? DocumentStageRecord()
        if state.documentID.isEmpty {
            state.documentID = documentID
            state.stage = stage
            state.status = .pending
        }
        let from = state.status
        let legal: Bool =
            switch (from, status) {
            case (.pending, .inProgress), (.failed, .inProgress), (.inProgress, .completed),
                (.inProgress, .failed), (.pending, .skipped), (.failed, .skipped):
                true
            default: false
            }
        guard legal else {
            throw StoreError(
                .conflict, "stage \(stage) of document \(documentID) cannot go from \(from) to \(status)")
        }
        switch status {
        case .inProgress:
            if from == .failed {
                guard state.retryCount < definition.maxRetries else {
                    throw StoreError(
                        .conflict,
                        "stage \(stage) of document \(documentID) failed \(state.retryCount + 1) times; "
                            + "its \(definition.maxRetries) retries are used up")
                }
                state.retryCount += 1
            }
            let unmet = definition.dependsOn.filter { dependency in
                let done = states[ExactString(dependency)]?.status
                return !(done == .completed || (done == .skipped && graph.stage(dependency)?.isOptional == true))
            }
            guard unmet.isEmpty else {
                throw StoreError(
                    .conflict,
                    "stage \(stage) of document \(documentID) waits for \(unmet.joined(separator: ", "))")
            }
            state.startedAt = now
            state.completedAt = nil
            state.errorMessage = ""
        case .skipped:
            guard definition.isOptional else {
                throw StoreError(.conflict, "stage \(stage) is required; it cannot be skipped")
            }
            state.completedAt = now
        case .failed:
            state.errorMessage = error.isEmpty ? "stage failed" : error
            state.completedAt = now
        default:
            state.completedAt = now
        }
        if status == .inProgress || metadata != nil { state.metadata = metadata }  // a new run starts afresh
        state.status = status
        state.updatedAt = now
        try save(state)
        if status != .inProgress { try appendRun(state) }
        try refreshWorkflow(documentID: documentID, graph)
        return state
    }

    /// Appends a finished run of `state` to its document's history.
    private func appendRun(_ state: DocumentStageRecord) throws {
        let last = try records(StageRunRecord.self, prefix: [.string(state.documentID)], direction: .backward, limit: 1)
        var run = StageRunRecord()
        run.documentID = state.documentID
        run.sequence = last.first.map { $0.sequence + 1 } ?? 0
        run.stage = state.stage
        run.status = state.status
        run.startedAt = state.status == .skipped ? nil : state.startedAt
        run.completedAt = now
        run.errorMessage = state.errorMessage.isEmpty ? nil : state.errorMessage
        run.retryCount = state.retryCount
        run.rerunCount = state.rerunCount
        run.metadata = state.metadata
        try insert(run)
    }

    /// ``refreshWorkflow(_:_:)`` of the document's stored workflow, or of a new manual one if it has none.
    private func refreshWorkflow(documentID: String, _ graph: StageGraph) throws {
        var workflow = try fetch(WorkflowRecord.self, [.string(documentID)]) ?? WorkflowRecord()
        if workflow.documentID.isEmpty {
            workflow.documentID = documentID
            workflow.workflowType = .manual
            workflow.createdAt = now
        }
        try refreshWorkflow(&workflow, graph)
    }

    /// Recomputes a workflow's counts and current stage from the document's states, and saves it.
    func refreshWorkflow(_ workflow: inout WorkflowRecord, _ graph: StageGraph) throws {
        let states = try stageStates(workflow.documentID)
        workflow.totalStages = UInt64(graph.stages.count)
        workflow.completedStages = UInt64(
            graph.stages.count { [.completed, .skipped].contains(states[ExactString($0.name)]?.status ?? .pending) })
        let finished = workflow.completedStages == workflow.totalStages
        workflow.currentStage =
            finished
            ? WorkflowRecord.completedStage
            : graph.stages.first { states[ExactString($0.name)]?.status == .inProgress }?.name
                ?? graph.runnable(states).first ?? ""
        if workflow.startedAt == nil, states.values.contains(where: { $0.status != .pending }) {
            workflow.startedAt = now
        }
        workflow.completedAt = finished ? (workflow.completedAt ?? now) : nil
        workflow.updatedAt = now
        try save(workflow)
    }
}
