/// A processing stage and the stages it depends on (record kind 10; schema `StageDefinition`). The
/// definitions form a DAG; stages are data, not an enum.
public struct StageDefinitionRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.stageDefinition
    public static let schemaVersion: UInt16 = 1

    /// The stage name, e.g. `chunker`.
    public var name = ""
    /// The stages that must finish before this one runs.
    public var dependsOn: [String] = []
    /// Whether the stage may be skipped; stages depending on it then run once it is completed or skipped.
    public var isOptional = false
    /// How many times a failed run may be retried.
    public var maxRetries: UInt64 = 0
    /// What the stage does.
    public var summary = ""
    /// Its position in listings.
    public var position: UInt64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

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

    public static let fields: [RecordField<StageDefinitionRecord>] = [
        .string(1, "name", \.name),
        .strings(2, "depends_on", \.dependsOn),
        .bool(3, "optional", \.isOptional),
        .uint64(4, "max_retries", \.maxRetries),
        .string(5, "description", \.summary),
        .uint64(6, "position", \.position),
    ]

    public var primaryKey: [TupleElement] { [.string(name)] }

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
