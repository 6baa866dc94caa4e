// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// A document's state at one stage (record kind 11; schema `DocumentStage`). Key: `(11, document, stage)`.
public struct DocumentStageRecord: Equatable, Sendable, Encodable {
    /// The document.
    public var documentID = ""
    /// The stage.
    public var stage = ""
    /// The status.
    public var status: StageStatus = ""
    /// When the current or last run started, or 0.
    public var startedAt: Int64 = 0
    /// When it completed, failed or was skipped, or 0.
    public var completedAt: Int64 = 0
    /// The last failure's message.
    public var errorMessage = ""
    /// How many times a failed run was retried.
    public var retryCount: UInt64 = 0
    /// When it last changed.
    public var updatedAt: Int64 = 0
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension DocumentStageRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<DocumentStageRecord>] = [
        .string(1, "document_id", \.documentID),
        .string(2, "stage", \.stage),
        .value(3, "status", \.status),
        .timestamp(4, "started_at", \.startedAt),
        .timestamp(5, "completed_at", \.completedAt),
        .string(6, "error_message", \.errorMessage),
        .uint64(7, "retry_count", \.retryCount),
        .timestamp(8, "updated_at", \.updatedAt),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: documentID)
        writer.write(2, string: stage)
        writer.write(3, string: status.rawValue)
        writer.write(4, sfixed64: startedAt)
        writer.write(5, sfixed64: completedAt)
        writer.write(6, string: errorMessage)
        writer.write(7, uint64: retryCount)
        writer.write(8, sfixed64: updatedAt)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: documentID = try field.string(context)
        case 2: stage = try field.string(context)
        case 3: status = StageStatus(rawValue: try field.string(context))
        case 4: startedAt = try field.sfixed64(context)
        case 5: completedAt = try field.sfixed64(context)
        case 6: errorMessage = try field.string(context)
        case 7: retryCount = try field.uint64(context)
        case 8: updatedAt = try field.sfixed64(context)
        default: return false
        }
        return true
    }
}
