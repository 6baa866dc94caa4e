extension LineageStore {
    /// Adds or replaces stage definitions (by name) and checks the resulting DAG; a definition's position is
    /// its place in `definitions` after the stages already defined.
    /// - Throws: `.invalidInput` naming an unknown dependency or the cycle found; nothing is stored then.
    @discardableResult
    public func defineStages(_ definitions: [StageDefinitionRecord]) throws -> StageGraph {
        try write { context in
            var merged = try context.records(StageDefinitionRecord.self)
            var next = (merged.map(\.position).max() ?? 0) + 1
            for var definition in definitions {
                if let index = merged.firstIndex(where: { $0.name == definition.name }) {
                    definition.position = merged[index].position
                    merged[index] = definition
                } else {
                    definition.position = next
                    next += 1
                    merged.append(definition)
                }
            }
            let graph = try StageGraph(merged)
            for definition in merged { try context.save(definition) }
            return graph
        }
    }

    /// Defines the seed design's default pipeline (``StageDefinitionRecord/defaultPipeline``).
    @discardableResult
    public func installDefaultPipeline() throws -> StageGraph {
        try defineStages(StageDefinitionRecord.defaultPipeline)
    }

    /// The stage DAG as stored.
    public func stageGraph() throws -> StageGraph {
        try read { try $0.stageGraph() }
    }

    /// Adds a document with every defined stage pending and its workflow summary.
    /// - Throws: `.duplicate` if the id is taken; `.invalidInput` for empty or over-long fields or a
    ///   configuration that is not JSON; `.conflict` if no stages are defined.
    @discardableResult
    public func addDocument(
        id: String, title: String = "", realm: String = "", workflowType: String = "default",
        configuration: String = ""
    ) throws -> DocumentRecord {
        try write { context in
            try Validation.identifier(id, "document id")
            try Validation.text(title, "title")
            try Validation.text(realm, "realm", limit: Validation.maxIdentifierBytes)
            try Validation.identifier(workflowType, "workflow type")
            try Validation.json(configuration, "configuration")
            let graph = try context.stageGraph()
            guard !graph.stages.isEmpty else {
                throw StoreError(.conflict, "no processing stages are defined; define them before adding documents")
            }
            var document = DocumentRecord()
            document.id = id
            document.title = title
            document.realm = realm
            document.createdAt = context.now
            document.updatedAt = context.now
            try context.insert(document)
            for stage in graph.stages {
                var state = DocumentStageRecord()
                state.documentID = id
                state.stage = stage.name
                state.status = .pending
                state.updatedAt = context.now
                try context.insert(state)
            }
            var workflow = WorkflowRecord()
            workflow.documentID = id
            workflow.workflowType = workflowType
            workflow.configuration = configuration
            workflow.createdAt = context.now
            try context.refreshWorkflow(&workflow, graph)
            return document
        }
    }

    /// Starts a stage for a document: `pending` → `in_progress`, or a retry `failed` → `in_progress` while
    /// retries are left (counting it).
    /// - Throws: `.conflict` naming the unmet dependencies, the illegal transition, or the exhausted retries.
    @discardableResult
    public func startStage(documentID: String, stage: String) throws -> DocumentStageRecord {
        try transitionStage(documentID, stage, to: .inProgress)
    }

    /// Completes a running stage.
    @discardableResult
    public func completeStage(documentID: String, stage: String) throws -> DocumentStageRecord {
        try transitionStage(documentID, stage, to: .completed)
    }

    /// Fails a running stage with `error`.
    @discardableResult
    public func failStage(documentID: String, stage: String, error: String) throws -> DocumentStageRecord {
        try transitionStage(documentID, stage, to: .failed, error: error)
    }

    /// Skips a pending or failed optional stage.
    @discardableResult
    public func skipStage(documentID: String, stage: String) throws -> DocumentStageRecord {
        try transitionStage(documentID, stage, to: .skipped)
    }

    private func transitionStage(_ documentID: String, _ stage: String, to status: StageStatus, error: String = "")
        throws -> DocumentStageRecord
    {
        try write { context in
            try Validation.text(error, "stage error")
            guard try context.fetch(DocumentRecord.self, [.string(documentID)]) != nil else {
                throw StoreError(.notFound, "no document \(documentID) in \(context.path)")
            }
            let graph = try context.stageGraph()
            guard let definition = graph.stage(stage) else {
                throw StoreError(.notFound, "no stage \(stage) is defined")
            }
            let states = try context.stageStates(documentID)
            var state = states[stage] ?? DocumentStageRecord()
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
                    let done = states[dependency]?.status
                    return !(done == .completed || (done == .skipped && graph.stage(dependency)?.isOptional == true))
                }
                guard unmet.isEmpty else {
                    throw StoreError(
                        .conflict,
                        "stage \(stage) of document \(documentID) waits for \(unmet.joined(separator: ", "))")
                }
                state.startedAt = context.now
                state.completedAt = 0
                state.errorMessage = ""
            case .skipped:
                guard definition.isOptional else {
                    throw StoreError(.conflict, "stage \(stage) is required; it cannot be skipped")
                }
                state.completedAt = context.now
            case .failed:
                state.errorMessage = error.isEmpty ? "stage failed" : error
                state.completedAt = context.now
            default:
                state.completedAt = context.now
            }
            state.status = status
            state.updatedAt = context.now
            try context.save(state)
            var workflow = try context.fetch(WorkflowRecord.self, [.string(documentID)]) ?? WorkflowRecord()
            if workflow.documentID.isEmpty {
                workflow.documentID = documentID
                workflow.workflowType = "default"
                workflow.createdAt = context.now
            }
            try context.refreshWorkflow(&workflow, graph)
            return state
        }
    }

    /// The document with this id, or `nil`.
    public func document(_ id: String) throws -> DocumentRecord? {
        try read { try $0.fetch(DocumentRecord.self, [.string(id)]) }
    }

    /// A document's state at every defined stage, in definition order (`pending` where none is stored).
    public func documentStages(_ documentID: String) throws -> [DocumentStageRecord] {
        try read { snapshot in
            let states = try snapshot.stageStates(documentID)
            return try snapshot.stageGraph().stages.map { stage in
                states[stage.name]
                    ?? {
                        var state = DocumentStageRecord()
                        state.documentID = documentID
                        state.stage = stage.name
                        state.status = .pending
                        return state
                    }()
            }
        }
    }

    /// The stages of a document that may start now, in definition order.
    public func nextRunnableStages(documentID: String) throws -> [String] {
        try read { try $0.stageGraph().runnable($0.stageStates(documentID)) }
    }

    /// Documents whose state at `stage` is `status` ("all documents waiting for the chunker"): one range scan.
    public func documents(
        atStage stage: String, status: StageStatus = .pending, limit: Int = 100, cursor: String? = nil
    )
        throws -> QueryPage<DocumentStageRecord>
    {
        try read { snapshot in
            try snapshot.query(
                DocumentStageRecord.self,
                IndexQuery(
                    .documentStagesByStatus, equal: [.string(stage), .string(status.rawValue)], limit: limit,
                    cursor: cursor))
        }
    }

    /// The document's workflow summary, or `nil`.
    public func workflow(documentID: String) throws -> WorkflowRecord? {
        try read { try $0.fetch(WorkflowRecord.self, [.string(documentID)]) }
    }

    /// Records a file a stage produced, with its size and digests, and registers its content as seen at
    /// `stage_output:DOCUMENT/STAGE/PATH`.
    /// - Throws: `.invalidInput` for a path that is absolute, has `..`, `.` or empty components or a NUL byte,
    ///   or (for `.file`) resolves outside the storage root; `.notFound` for an unknown document or stage;
    ///   `.io` if the file cannot be hashed.
    @discardableResult
    public func recordStageOutput(documentID: String, stage: String, _ output: StageOutput) throws
        -> StageOutputRecord
    {
        try StoragePath.validate(output.path)
        try Validation.text(output.mimeType, "mime type", required: true, limit: 256)
        try Validation.json(output.metadata, "output metadata")
        let digests: FileDigests
        switch output.source {
        case .file(let root): digests = try hashFile(at: StoragePath.resolve(output.path, under: root)).digests
        case .digests(let given): digests = given
        }
        return try write { context in
            guard try context.fetch(DocumentRecord.self, [.string(documentID)]) != nil else {
                throw StoreError(.notFound, "no document \(documentID) in \(path)")
            }
            guard try context.stageGraph().stage(stage) != nil else {
                throw StoreError(.notFound, "no stage \(stage) is defined")
            }
            var record = StageOutputRecord()
            record.documentID = documentID
            record.stage = stage
            record.path = output.path
            record.size = digests.size
            record.mimeType = output.mimeType
            record.sha256 = digests.sha256 ?? []
            record.xxh3 = digests.xxh3.canonicalBytes
            record.metadata = output.metadata
            record.createdAt = context.now
            try context.save(record)
            try context.recordContent(digests, seenAt: "stage_output:\(documentID)/\(stage)/\(output.path)")
            return record
        }
    }

    /// The files recorded for a document, by stage.
    public func stageOutputs(documentID: String) throws -> [StageOutputRecord] {
        try read { try $0.records(StageOutputRecord.self, prefix: [.string(documentID)]) }
    }
}

extension Snapshot {
    /// The stored stage DAG.
    func stageGraph() throws -> StageGraph {
        try StageGraph(records(StageDefinitionRecord.self))
    }

    /// A document's stored stage states by stage name.
    func stageStates(_ documentID: String) throws -> [String: DocumentStageRecord] {
        Dictionary(
            try records(DocumentStageRecord.self, prefix: [.string(documentID)]).map { ($0.stage, $0) },
            uniquingKeysWith: { first, _ in first })
    }
}

extension WriteContext {
    /// Recomputes a workflow's counts and current stage from the document's states, and saves it.
    func refreshWorkflow(_ workflow: inout WorkflowRecord, _ graph: StageGraph) throws {
        let states = try stageStates(workflow.documentID)
        workflow.totalStages = UInt64(graph.stages.count)
        workflow.completedStages = UInt64(
            graph.stages.count { [.completed, .skipped].contains(states[$0.name]?.status ?? .pending) })
        workflow.currentStage =
            graph.stages.first { states[$0.name]?.status == .inProgress }?.name
            ?? graph.runnable(states).first ?? ""
        workflow.updatedAt = now
        try save(workflow)
    }
}
