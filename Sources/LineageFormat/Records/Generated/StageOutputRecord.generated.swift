// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// A file a stage produced for a document (record kind 12; schema `StageOutput`). The path is relative to the
/// pipeline's storage root and never escapes it. Key: `(12, document, stage, XXH3-128 of path)`.
public struct StageOutputRecord: Equatable, Sendable, Encodable {
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
    /// What the file holds, e.g. `markdown`, `optimized_markdown`, `chunks_json`, `facts_json`, `ingestion_json`
    /// (`file_type` in the seed design), or empty. Format 1.4.
    public var fileType = ""
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension StageOutputRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<StageOutputRecord>] = [
        .string(1, "document_id", \.documentID),
        .string(2, "stage", \.stage),
        .string(3, "path", \.path),
        .uint64(4, "size", \.size),
        .string(5, "mime_type", \.mimeType),
        .bytes(6, "sha256", \.sha256),
        .bytes(7, "xxh3_128", \.xxh3),
        .json(8, "metadata", \.metadata),
        .timestamp(9, "created_at", \.createdAt),
        .string(10, "file_type", \.fileType),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: documentID)
        writer.write(2, string: stage)
        writer.write(3, string: path)
        writer.write(4, uint64: size)
        writer.write(5, string: mimeType)
        writer.write(6, bytes: sha256)
        writer.write(7, bytes: xxh3)
        writer.write(8, string: metadata)
        writer.write(9, sfixed64: createdAt)
        writer.write(10, string: fileType)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: documentID = try field.string(context)
        case 2: stage = try field.string(context)
        case 3: path = try field.string(context)
        case 4: size = try field.uint64(context)
        case 5: mimeType = try field.string(context)
        case 6: sha256 = try field.bytes(context)
        case 7: xxh3 = try field.bytes(context)
        case 8: metadata = try field.string(context)
        case 9: createdAt = try field.sfixed64(context)
        case 10: fileType = try field.string(context)
        default: return false
        }
        return true
    }
}
