import LineageFormat
import LineageStore

/// Adds a document with every defined stage pending (`POST /api/documents`, `lineage stages add-document`).
public struct AddDocument: StoreOperation {
    var documentID: String
    var title: String?
    var realm: String?
    var workflowType: String?
    var configuration: JSONText?

    enum CodingKeys: String, CodingKey {
        case documentID = "document_id", title, realm, workflowType = "workflow_type", configuration
    }

    public func run(in context: WriteContext) throws -> Member<DocumentRecord> {
        Member(
            "document",
            try context.addDocument(
                id: documentID, title: title ?? "", realm: realm ?? "",
                workflowType: workflowType.map(WorkflowType.init(rawValue:)) ?? .manual,
                configuration: configuration?.text ?? ""))
    }
}

/// Adds or replaces stage definitions, or installs the seed's default pipeline (`POST /api/stages`).
public struct DefineStages: StoreOperation {
    struct Stage: Decodable {
        var name: String
        var dependsOn: [String]?
        var optional: Bool?
        var maxRetries: UInt64?
        var description: String?

        enum CodingKeys: String, CodingKey {
            case name, dependsOn = "depends_on", optional, maxRetries = "max_retries", description
        }
    }
    var stages: [Stage]?
    var defaultPipeline: Bool?

    enum CodingKeys: String, CodingKey { case stages, defaultPipeline = "default_pipeline" }

    public func run(in context: WriteContext) throws -> Member<[StageDefinitionRecord]> {
        let graph =
            defaultPipeline == true ? try context.installDefaultPipeline() : try context.defineStages(records)
        return Member("stages", graph.stages)
    }

    var records: [StageDefinitionRecord] {
        (stages ?? []).map { stage in
            var record = StageDefinitionRecord()
            record.name = stage.name
            record.dependsOn = stage.dependsOn ?? []
            record.isOptional = stage.optional ?? false
            record.maxRetries = stage.maxRetries ?? 0
            record.summary = stage.description ?? ""
            return record
        }
    }
}

/// Moves a document through one stage: start, complete, fail or skip
/// (`POST /api/documents/{id}/stages/{stage}/{action}`, `lineage stages start|complete|fail|skip`).
public struct StageTransition: StoreOperation {
    /// What happens to the stage.
    public enum Action: String, Sendable {
        /// Pending (or failed with retries left) to in progress.
        case start
        /// In progress to completed.
        case complete
        /// To failed, with the error.
        case fail
        /// An optional stage, skipped.
        case skip
    }

    /// The document (from the path or the command line).
    public var documentID = ""
    /// The stage (from the path or the command line).
    public var stage = ""
    /// What happens (from the path or the command line).
    public var action = Action.start
    /// Why the stage failed, for `fail`.
    public var error: String?
    /// The run's metadata, a JSON document (the seed's `updateStageStatus(…, metadata)`).
    public var metadata: JSONText?

    enum CodingKeys: String, CodingKey { case error, errorMessage = "error_message", metadata }

    /// `action` for `stage` of `documentID`.
    public init(
        documentID: String, stage: String, action: Action, error: String? = nil, metadata: JSONText? = nil
    ) {
        self.documentID = documentID
        self.stage = stage
        self.action = action
        self.error = error
        self.metadata = metadata
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        error =
            try container.decodeIfPresent(String.self, forKey: .error)
            ?? container.decodeIfPresent(String.self, forKey: .errorMessage)
        metadata = try container.decodeIfPresent(JSONText.self, forKey: .metadata)
    }

    public func run(in context: WriteContext) throws -> Member<DocumentStageRecord> {
        let metadata = metadata?.text
        let record =
            switch action {
            case .start: try context.startStage(documentID: documentID, stage: stage, metadata: metadata)
            case .complete: try context.completeStage(documentID: documentID, stage: stage, metadata: metadata)
            case .skip: try context.skipStage(documentID: documentID, stage: stage, metadata: metadata)
            case .fail:
                try context.failStage(
                    documentID: documentID, stage: stage, error: try requiredError(), metadata: metadata)
            }
        return Member("stage", record)
    }

    private func requiredError() throws -> String {
        guard let error else {
            throw StoreError(.invalidInput, "missing field 'error' (or 'error_message'): why the stage failed")
        }
        return error
    }
}

/// Records a file a stage wrote, with the digests the caller computed — the server never reads files named in
/// a request (`POST /api/documents/{id}/stages/{stage}/outputs`, `lineage stages output`).
public struct RecordStageOutput: StoreOperation {
    /// The document (from the path or the command line).
    public var documentID = ""
    /// The stage (from the path or the command line).
    public var stage = ""
    var path: String
    var mimeType: String?
    var fileType: String?
    var metadata: JSONText?
    var size: UInt64
    var sha256: String
    var xxh3: String

    enum CodingKeys: String, CodingKey {
        case path, mimeType = "mime_type", fileType = "file_type", metadata, size, sha256, xxh3
        case filePath = "file_path", fileSize = "file_size", checksum
    }

    /// Takes the seed's names (`file_path`, `file_size`, `checksum`) or the earlier ones (`path`, `size`,
    /// `sha256`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func either<T: Decodable>(_ seed: CodingKeys, _ former: CodingKeys) throws -> T {
            if let value = try container.decodeIfPresent(T.self, forKey: seed) { return value }
            return try container.decode(T.self, forKey: former)
        }
        path = try either(.filePath, .path)
        size = try either(.fileSize, .size)
        sha256 = try either(.checksum, .sha256)
        xxh3 = try container.decode(String.self, forKey: .xxh3)
        mimeType = try container.decodeIfPresent(String.self, forKey: .mimeType)
        fileType = try container.decodeIfPresent(String.self, forKey: .fileType)
        metadata = try container.decodeIfPresent(JSONText.self, forKey: .metadata)
    }

    public func run(in context: WriteContext) throws -> Member<StageOutputRecord> {
        Member("output", try context.recordStageOutput(documentID: documentID, stage: stage, try output()))
    }

    func output() throws -> StageOutput {
        guard sha256.count == 64, let sha = Hex.decode(sha256) else {
            throw StoreError(.invalidInput, "field 'sha256' must be 64 hex digits")
        }
        guard xxh3.count == 32, let bytes = Hex.decode(xxh3), let digest = Digest128(canonical: bytes) else {
            throw StoreError(.invalidInput, "field 'xxh3' must be 32 hex digits (an XXH3-128 digest)")
        }
        return StageOutput(
            path: path, mimeType: mimeType ?? "application/octet-stream", fileType: fileType ?? "",
            metadata: metadata?.text ?? "", source: .digests(FileDigests(size: size, sha256: sha, xxh3: digest)))
    }
}

/// Resets a stage and everything downstream of it to pending, to process the document again from there
/// (`POST /api/documents/{id}/stages/{stage}/rerun`, `lineage stages rerun`).
public struct RerunStage: StoreOperation {
    /// The document (from the path or the command line).
    public var documentID = ""
    /// The stage (from the path or the command line).
    public var stage = ""

    enum CodingKeys: CodingKey {}

    /// A rerun of `stage` for `documentID`.
    public init(documentID: String, stage: String) {
        self.documentID = documentID
        self.stage = stage
    }

    public init(from decoder: any Decoder) throws {}

    public func run(in context: WriteContext) throws -> Member<[DocumentStageRecord]> {
        Member("reset_stages", try context.rerunStage(documentID: documentID, stage: stage))
    }
}

/// Deletes a document with its stage states, outputs, workflow and history
/// (`DELETE /api/documents/{id}`, `lineage stages delete-document`).
public struct DeleteDocument: StoreOperation {
    /// The document (from the path or the command line).
    public var documentID = ""

    enum CodingKeys: CodingKey {}

    /// The deletion of `documentID`.
    public init(documentID: String) { self.documentID = documentID }

    public init(from decoder: any Decoder) throws {}

    public func run(in context: WriteContext) throws -> Member<DocumentDeletion> {
        Member("deleted", try context.deleteDocument(documentID))
    }
}
