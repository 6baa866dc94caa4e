// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// A document's workflow summary (record kind 13; schema `Workflow`). Key: `(13, document)`.
public struct WorkflowRecord: Equatable, Sendable, Encodable {
    /// The document.
    public var documentID = ""
    /// The workflow type, e.g. `default`.
    public var workflowType = ""
    /// Stages defined for the document.
    public var totalStages: UInt64 = 0
    /// Stages completed or skipped.
    public var completedStages: UInt64 = 0
    /// The stage running now, or the next to run; empty when all are done.
    public var currentStage = ""
    /// The workflow configuration, a JSON document (or empty).
    public var configuration = ""
    /// When it was created.
    public var createdAt: Int64 = 0
    /// When it last changed.
    public var updatedAt: Int64 = 0
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension WorkflowRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<WorkflowRecord>] = [
        .string(1, "document_id", \.documentID),
        .string(2, "workflow_type", \.workflowType),
        .uint64(3, "total_stages", \.totalStages),
        .uint64(4, "completed_stages", \.completedStages),
        .string(5, "current_stage", \.currentStage),
        .json(6, "configuration", \.configuration),
        .timestamp(7, "created_at", \.createdAt),
        .timestamp(8, "updated_at", \.updatedAt),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: documentID)
        writer.write(2, string: workflowType)
        writer.write(3, uint64: totalStages)
        writer.write(4, uint64: completedStages)
        writer.write(5, string: currentStage)
        writer.write(6, string: configuration)
        writer.write(7, sfixed64: createdAt)
        writer.write(8, sfixed64: updatedAt)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: documentID = try field.string(context)
        case 2: workflowType = try field.string(context)
        case 3: totalStages = try field.uint64(context)
        case 4: completedStages = try field.uint64(context)
        case 5: currentStage = try field.string(context)
        case 6: configuration = try field.string(context)
        case 7: createdAt = try field.sfixed64(context)
        case 8: updatedAt = try field.sfixed64(context)
        default: return false
        }
        return true
    }
}
