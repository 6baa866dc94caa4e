/// A file a stage produced: the input of ``LineageStore/recordStageOutput(documentID:stage:_:)``.
public struct StageOutput: Sendable, Equatable {
    /// The path relative to the storage root.
    public var path: String
    /// The MIME type.
    public var mimeType: String
    /// What the file holds (`markdown`, `chunks_json`, …), or empty.
    public var fileType: String
    /// Caller metadata, a JSON document.
    public var metadata: String
    /// Where the digests come from.
    public var source: Source

    /// Where an output's size and digests come from.
    public enum Source: Sendable, Equatable {
        /// Hash the file at `path` under this storage root.
        case file(storageRoot: String)
        /// Digests computed by the caller (they must include SHA-256).
        case digests(FileDigests)
    }

    /// Creates an output description.
    public init(
        path: String, mimeType: String = "application/octet-stream", fileType: String = "", metadata: String = "",
        source: Source
    ) {
        self.path = path
        self.mimeType = mimeType
        self.fileType = fileType
        self.metadata = metadata
        self.source = source
    }
}
