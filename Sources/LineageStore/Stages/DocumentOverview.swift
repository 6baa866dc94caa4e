import LineageFormat

/// Everything the store knows of one document, read in one snapshot: its record, its state at every stage,
/// its workflow summary, its output files, and the stages that may start now.
public struct DocumentOverview: Sendable, Encodable {
    /// The document.
    public var document: DocumentRecord
    /// Its state at every defined stage, in definition order.
    public var stages: [DocumentStageRecord]
    /// Its workflow summary, if one is stored.
    public var workflow: WorkflowRecord?
    /// The files recorded for it, by stage.
    public var outputs: [StageOutputRecord]
    /// The stages that may start now, in definition order.
    public var runnableStages: [String]

    private enum CodingKeys: String, CodingKey {
        case document, stages, workflow, outputs, runnableStages = "runnable_stages"
    }
}

extension Snapshot {
    /// The document with this id and its whole stage picture.
    /// - Throws: `.notFound` if there is no such document.
    public func documentOverview(_ id: String) throws -> DocumentOverview {
        guard let document = try document(id) else { throw StoreError(.notFound, "no document \(id) in \(path)") }
        let (graph, states) = (try stageGraph(), try stageStates(id))
        return DocumentOverview(
            document: document, stages: Self.stages(of: id, in: graph, states: states),
            workflow: try workflow(documentID: id), outputs: try stageOutputs(documentID: id),
            runnableStages: graph.runnable(states))
    }
}

extension LineageStore {
    /// ``Snapshot/documentOverview(_:)`` in a snapshot of its own.
    public func documentOverview(_ id: String) throws -> DocumentOverview {
        try read { try $0.documentOverview(id) }
    }
}
