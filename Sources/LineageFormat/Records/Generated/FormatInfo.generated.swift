// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// The description of a database file, stored under the key `("format")` in the `meta` database.
public struct FormatInfo: Equatable, Sendable, Encodable {
    /// The major format version of the file.
    public var major: UInt64 = 0
    /// The minor format version of the file.
    public var minor: UInt64 = 0
    /// When the file was created, in microseconds since the Unix epoch, UTC.
    public var createdAt: Int64 = 0
    /// The library that created the file, e.g. `LineageStore 0.1.0`.
    public var createdBy = ""
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension FormatInfo: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<FormatInfo>] = [
        .uint64(1, "major", \.major),
        .uint64(2, "minor", \.minor),
        .timestamp(3, "created_at", \.createdAt),
        .string(4, "created_by", \.createdBy),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, uint64: major)
        writer.write(2, uint64: minor)
        writer.write(3, sfixed64: createdAt)
        writer.write(4, string: createdBy)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: major = try field.uint64(context)
        case 2: minor = try field.uint64(context)
        case 3: createdAt = try field.sfixed64(context)
        case 4: createdBy = try field.string(context)
        default: return false
        }
        return true
    }
}
