// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// A row an import wrote (record kind 8; schema `ImportRow`), for row-level lineage and rollback. Key: `(8,
/// import id, sequence)`.
public struct ImportRowRecord: Equatable, Sendable, Encodable {
    /// The import that wrote the row.
    public var importID = ""
    /// The row's position among the import's recorded rows, from 0.
    public var sequence: UInt64 = 0
    /// The table the row is in.
    public var tableName = ""
    /// The row's key in that table (its primary key, as text).
    public var rowKey = ""
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension ImportRowRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<ImportRowRecord>] = [
        .string(1, "import_id", \.importID),
        .uint64(2, "sequence", \.sequence),
        .string(3, "table_name", \.tableName),
        .string(4, "row_key", \.rowKey),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: importID)
        writer.write(2, uint64: sequence)
        writer.write(3, string: tableName)
        writer.write(4, string: rowKey)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: importID = try field.string(context)
        case 2: sequence = try field.uint64(context)
        case 3: tableName = try field.string(context)
        case 4: rowKey = try field.string(context)
        default: return false
        }
        return true
    }
}
