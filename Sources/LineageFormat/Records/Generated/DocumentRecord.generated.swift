// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// A document going through the processing stages (record kind 9; schema `Document`). Key (9, id).
public struct DocumentRecord: Equatable, Sendable, Encodable {
    /// The document id.
    public var id = ""
    /// Its title.
    public var title = ""
    /// The realm (tenant, collection) it belongs to.
    public var realm = ""
    /// When it was added.
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

extension DocumentRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<DocumentRecord>] = [
        .string(1, "id", \.id),
        .string(2, "title", \.title),
        .string(3, "realm", \.realm),
        .timestamp(4, "created_at", \.createdAt),
        .timestamp(5, "updated_at", \.updatedAt),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: id)
        writer.write(2, string: title)
        writer.write(3, string: realm)
        writer.write(4, sfixed64: createdAt)
        writer.write(5, sfixed64: updatedAt)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: id = try field.string(context)
        case 2: title = try field.string(context)
        case 3: realm = try field.string(context)
        case 4: createdAt = try field.sfixed64(context)
        case 5: updatedAt = try field.sfixed64(context)
        default: return false
        }
        return true
    }
}
