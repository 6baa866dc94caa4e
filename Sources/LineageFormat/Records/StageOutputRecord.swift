/// A file a stage produced for a document (record kind 12; schema `StageOutput`). The path is relative to
/// the pipeline's storage root and never escapes it. Key: `(12, document, stage, XXH3-128 of path)`.
public struct StageOutputRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.stageOutput
    public static let schemaVersion: UInt16 = 1

    /// The document.
    public var documentID = ""
    /// The stage that produced the file.
    public var stage = ""
    /// The file's path relative to the storage root.
    public var path = ""
    /// Its size in bytes.
    public var size: UInt64 = 0
    /// Its MIME type.
    public var mimeType = ""
    /// Its SHA-256 (32 bytes).
    public var sha256: [UInt8] = []
    /// The canonical bytes of its XXH3-128.
    public var xxh3: [UInt8] = []
    /// Caller metadata, a JSON document (or empty).
    public var metadata = ""
    /// When it was recorded.
    public var createdAt: Int64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<StageOutputRecord>] = [
        .string(1, "document_id", \.documentID),
        .string(2, "stage", \.stage),
        .string(3, "path", \.path),
        .uint64(4, "size", \.size),
        .string(5, "mime_type", \.mimeType),
        .bytes(6, "sha256", \.sha256),
        .bytes(7, "xxh3_128", \.xxh3),
        .json(8, "metadata", \.metadata),
        .timestamp(9, "created_at", \.createdAt),
    ]

    public var primaryKey: [TupleElement] { [.string(documentID), .string(stage), .hashed(path)] }
}
