import LineageFormat

extension Snapshot {
    /// The stage DAG as stored.
    /// - Throws: `.damagedRecord` if the stored definitions do not form a DAG of known stages (writes never
    ///   store such a set, so the file is damaged), naming the problem.
    public func stageGraph() throws -> StageGraph {
        let definitions = try records(StageDefinitionRecord.self)
        do { return try StageGraph(definitions) } catch let error as StoreError where error.code == .invalidInput {
            throw StoreError(
                .damagedRecord,
                "the stage definitions stored in \(path) do not form a graph (\(error.message)); "
                    + "lineage verify --db \(path) lists the damage",
                underlying: error)
        }
    }

    /// The document with this id, or `nil`.
    public func document(_ id: String) throws -> DocumentRecord? {
        try fetch(DocumentRecord.self, [.string(id)])
    }

    /// A document's state at every defined stage, in definition order (`pending` where none is stored).
    public func documentStages(_ documentID: String) throws -> [DocumentStageRecord] {
        Self.stages(of: documentID, in: try stageGraph(), states: try stageStates(documentID))
    }

    /// The stages of a document that may start now, in definition order.
    public func nextRunnableStages(documentID: String) throws -> [String] {
        try stageGraph().runnable(stageStates(documentID))
    }

    /// The state at every stage of `graph`, from a document's stored `states` (`pending` where none is).
    static func stages(of documentID: String, in graph: StageGraph, states: [ExactString: DocumentStageRecord])
        -> [DocumentStageRecord]
    {
        graph.stages.map { stage in
            states[ExactString(stage.name)]
                ?? {
                    var state = DocumentStageRecord()
                    state.documentID = documentID
                    state.stage = stage.name
                    state.status = .pending
                    return state
                }()
        }
    }

    /// Documents whose state at `stage` is `status` ("all documents waiting for the chunker"): one range scan.
    public func documents(
        atStage stage: String, status: StageStatus = .pending, limit: Int = 100, cursor: String? = nil
    )
        throws -> QueryPage<DocumentStageRecord>
    {
        try query(
            DocumentStageRecord.self,
            IndexQuery(
                .documentStagesByStatus, equal: [.string(stage), .string(status.rawValue)], limit: limit,
                cursor: cursor))
    }

    /// The document's workflow summary, or `nil`.
    public func workflow(documentID: String) throws -> WorkflowRecord? {
        try fetch(WorkflowRecord.self, [.string(documentID)])
    }

    /// The files recorded for a document, by stage.
    public func stageOutputs(documentID: String) throws -> [StageOutputRecord] {
        try records(StageOutputRecord.self, prefix: [.string(documentID)])
    }

    /// Every output of `stage` across documents ("all outputs of the chunker"), optionally only those of
    /// `fileType`: one range scan of the seed's `idx_stage_files`, by file type, then document.
    public func stageOutputs(
        atStage stage: String, fileType: String? = nil, limit: Int = 100, cursor: String? = nil
    ) throws -> QueryPage<StageOutputRecord> {
        try query(
            StageOutputRecord.self,
            IndexQuery(
                .stageOutputsByStage, equal: [.string(stage)] + (fileType.map { [.string($0)] } ?? []), limit: limit,
                cursor: cursor))
    }

    /// Workflows by where they stand (the seed's `idx_workflow_status`): those whose current stage is
    /// `currentStage` (a stage name, or ``WorkflowRecord/completedStage``) and, if given, whose type is
    /// `type`; every workflow, by current stage, when `currentStage` is `nil`.
    public func workflows(
        currentStage: String? = nil, type: WorkflowType? = nil, limit: Int = 100, cursor: String? = nil
    ) throws -> QueryPage<WorkflowRecord> {
        let equal: [TupleElement] =
            currentStage.map { stage in [.string(stage)] + (type.map { [.string($0.rawValue)] } ?? []) } ?? []
        return try query(
            WorkflowRecord.self, IndexQuery(.workflowsByStage, equal: equal, limit: limit, cursor: cursor),
            where: { record in currentStage != nil || type.map { record.workflowType == $0 } ?? true })
    }

    /// A document's finished stage runs, oldest first: every completion, failure and skip, reruns and
    /// retries included.
    public func stageHistory(documentID: String) throws -> [StageRunRecord] {
        try records(StageRunRecord.self, prefix: [.string(documentID)])
    }

    /// A document's stored stage states by stage name.
    func stageStates(_ documentID: String) throws -> [ExactString: DocumentStageRecord] {
        Dictionary(
            try records(DocumentStageRecord.self, prefix: [.string(documentID)]).map { (ExactString($0.stage), $0) },
            uniquingKeysWith: { first, _ in first })
    }
}
