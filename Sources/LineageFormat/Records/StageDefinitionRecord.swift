// How StageDefinitionRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension StageDefinitionRecord: StoredRecord {
    package static let kind = RecordKind.stageDefinition
    package static let schemaVersion: UInt16 = 1

    /// Creates a definition.
    public init(
        _ name: String, dependsOn: [String] = [], isOptional: Bool = false, maxRetries: UInt64 = 3,
        summary: String = ""
    ) {
        self.name = name
        self.dependsOn = dependsOn
        self.isOptional = isOptional
        self.maxRetries = maxRetries
        self.summary = summary
    }

    package var primaryKey: [TupleElement] { [.string(name)] }

    package var recordViolation: String? {
        dependsOn.contains(where: { $0.sameBytes(as: name) }) ? "the stage depends on itself" : nil
    }

    /// The seed design's pipeline: markdown-conversion → markdown-optimizer (optional) → chunker →
    /// fact-generator → ingestor.
    public static let defaultPipeline: [StageDefinitionRecord] = [
        StageDefinitionRecord("markdown-conversion", summary: "convert the source document to markdown"),
        StageDefinitionRecord(
            "markdown-optimizer", dependsOn: ["markdown-conversion"], isOptional: true,
            summary: "clean up and optimize the markdown"),
        StageDefinitionRecord(
            "chunker", dependsOn: ["markdown-conversion", "markdown-optimizer"],
            summary: "split the markdown into chunks"),
        StageDefinitionRecord("fact-generator", dependsOn: ["chunker"], summary: "extract facts from the chunks"),
        StageDefinitionRecord("ingestor", dependsOn: ["fact-generator"], summary: "ingest facts and chunks"),
    ]
}
