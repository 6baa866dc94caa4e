import LineageFormat

/// What ``WriteContext/deleteDocument(_:)`` removed.
public struct DocumentDeletion: Sendable, Encodable {
    /// The document as it was.
    public var document: DocumentRecord
    /// How many stage states were removed.
    public var stagesRemoved: Int
    /// How many output records were removed.
    public var outputsRemoved: Int
    /// How many finished runs were removed from its history.
    public var historyRemoved: Int
    /// Whether a workflow summary was removed.
    public var workflowRemoved: Bool
    /// The paths (relative to the storage root) of its output files that no remaining output record names:
    /// nobody's files now, which the caller may delete.
    public var unreferencedFiles: [String]

    private enum CodingKeys: String, CodingKey {
        case document, stagesRemoved = "stages_removed", outputsRemoved = "outputs_removed",
            historyRemoved = "history_removed", workflowRemoved = "workflow_removed",
            unreferencedFiles = "unreferenced_files"
    }
}
