import LineageFormat

extension LineageStore {
    /// ``WriteContext/defineStages(_:)`` in a transaction of its own.
    @discardableResult
    public func defineStages(_ definitions: [StageDefinitionRecord]) throws -> StageGraph {
        try write { try $0.defineStages(definitions) }
    }

    /// ``Snapshot/stageGraph()`` in a snapshot of its own.
    public func stageGraph() throws -> StageGraph {
        try read { try $0.stageGraph() }
    }

    /// ``WriteContext/addDocument(id:title:realm:workflowType:configuration:)`` in a transaction of its own.
    @discardableResult
    public func addDocument(
        id: String, title: String = "", realm: String = "", workflowType: WorkflowType = .manual,
        configuration: String = ""
    ) throws -> DocumentRecord {
        try write {
            try $0.addDocument(
                id: id, title: title, realm: realm, workflowType: workflowType, configuration: configuration)
        }
    }

    /// ``Snapshot/document(_:)`` in a snapshot of its own.
    public func document(_ id: String) throws -> DocumentRecord? {
        try read { try $0.document(id) }
    }

    /// ``Snapshot/documentStages(_:)`` in a snapshot of its own.
    public func documentStages(_ documentID: String) throws -> [DocumentStageRecord] {
        try read { try $0.documentStages(documentID) }
    }

    /// ``Snapshot/nextRunnableStages(documentID:)`` in a snapshot of its own.
    public func nextRunnableStages(documentID: String) throws -> [String] {
        try read { try $0.nextRunnableStages(documentID: documentID) }
    }

    /// ``Snapshot/documents(atStage:status:limit:cursor:)`` in a snapshot of its own.
    public func documents(
        atStage stage: String, status: StageStatus = .pending, limit: Int = 100, cursor: String? = nil
    )
        throws -> QueryPage<DocumentStageRecord>
    {
        try read { try $0.documents(atStage: stage, status: status, limit: limit, cursor: cursor) }
    }

    /// ``Snapshot/workflow(documentID:)`` in a snapshot of its own.
    public func workflow(documentID: String) throws -> WorkflowRecord? {
        try read { try $0.workflow(documentID: documentID) }
    }

    /// ``Snapshot/stageOutputs(documentID:)`` in a snapshot of its own.
    public func stageOutputs(documentID: String) throws -> [StageOutputRecord] {
        try read { try $0.stageOutputs(documentID: documentID) }
    }

    /// ``Snapshot/stageOutputs(atStage:fileType:limit:cursor:)`` in a snapshot of its own.
    public func stageOutputs(
        atStage stage: String, fileType: String? = nil, limit: Int = 100, cursor: String? = nil
    ) throws -> QueryPage<StageOutputRecord> {
        try read { try $0.stageOutputs(atStage: stage, fileType: fileType, limit: limit, cursor: cursor) }
    }

    /// ``Snapshot/workflows(currentStage:type:limit:cursor:)`` in a snapshot of its own.
    public func workflows(
        currentStage: String? = nil, type: WorkflowType? = nil, limit: Int = 100, cursor: String? = nil
    ) throws -> QueryPage<WorkflowRecord> {
        try read { try $0.workflows(currentStage: currentStage, type: type, limit: limit, cursor: cursor) }
    }

    /// ``Snapshot/stageHistory(documentID:)`` in a snapshot of its own.
    public func stageHistory(documentID: String) throws -> [StageRunRecord] {
        try read { try $0.stageHistory(documentID: documentID) }
    }

    /// ``WriteContext/rerunStage(documentID:stage:)`` in a transaction of its own.
    @discardableResult
    public func rerunStage(documentID: String, stage: String) throws -> [DocumentStageRecord] {
        try write { try $0.rerunStage(documentID: documentID, stage: stage) }
    }

    /// ``WriteContext/deleteDocument(_:)`` in a transaction of its own.
    @discardableResult
    public func deleteDocument(_ id: String) throws -> DocumentDeletion {
        try write { try $0.deleteDocument(id) }
    }

    /// ``WriteContext/installDefaultPipeline()`` in a transaction of its own.
    @discardableResult
    public func installDefaultPipeline() throws -> StageGraph { try write { try $0.installDefaultPipeline() } }

    /// ``WriteContext/startStage(documentID:stage:metadata:)`` in a transaction of its own.
    @discardableResult
    public func startStage(documentID: String, stage: String, metadata: String? = nil) throws -> DocumentStageRecord {
        try write { try $0.startStage(documentID: documentID, stage: stage, metadata: metadata) }
    }

    /// ``WriteContext/completeStage(documentID:stage:metadata:)`` in a transaction of its own.
    @discardableResult
    public func completeStage(documentID: String, stage: String, metadata: String? = nil) throws -> DocumentStageRecord
    {
        try write { try $0.completeStage(documentID: documentID, stage: stage, metadata: metadata) }
    }

    /// ``WriteContext/failStage(documentID:stage:error:metadata:)`` in a transaction of its own.
    @discardableResult
    public func failStage(documentID: String, stage: String, error: String, metadata: String? = nil) throws
        -> DocumentStageRecord
    {
        try write { try $0.failStage(documentID: documentID, stage: stage, error: error, metadata: metadata) }
    }

    /// ``WriteContext/skipStage(documentID:stage:metadata:)`` in a transaction of its own.
    @discardableResult
    public func skipStage(documentID: String, stage: String, metadata: String? = nil) throws -> DocumentStageRecord {
        try write { try $0.skipStage(documentID: documentID, stage: stage, metadata: metadata) }
    }

    /// Hashes a `.file` output under its storage root, then
    /// ``WriteContext/recordStageOutput(documentID:stage:_:)`` in a transaction of its own.
    /// - Throws: as that method, `.invalidInput` for a path that resolves outside the storage root, and `.io`
    ///   if the file cannot be hashed.
    @discardableResult
    public func recordStageOutput(documentID: String, stage: String, _ output: StageOutput) throws
        -> StageOutputRecord
    {
        var output = output
        if case .file(let root) = output.source {
            output.source = .digests(
                try hashFile(at: StorageLayout(root: root).absolutePath(output.path)).digests)
        }
        let ready = output
        return try write { try $0.recordStageOutput(documentID: documentID, stage: stage, ready) }
    }
}
