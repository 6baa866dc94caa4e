// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// A location where a content was seen (record kind 17; schema `Sighting`). Key: `(17, sha256, XXH3-128 of
/// location)`.
public struct SightingRecord: Equatable, Sendable, Encodable {
    /// The content's SHA-256.
    public var sha256: [UInt8] = []
    /// The location: a file path, `import:ID`, or `stage_output:ID`.
    public var location = ""
    /// When it was first seen there.
    public var firstSeenAt: Int64 = 0
    /// When it was last seen there.
    public var lastSeenAt: Int64 = 0
    /// How many times it was seen there.
    public var count: UInt64 = 0
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension SightingRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<SightingRecord>] = [
        .bytes(1, "sha256", \.sha256),
        .string(2, "location", \.location),
        .timestamp(3, "first_seen_at", \.firstSeenAt),
        .timestamp(4, "last_seen_at", \.lastSeenAt),
        .uint64(5, "count", \.count),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, bytes: sha256)
        writer.write(2, string: location)
        writer.write(3, sfixed64: firstSeenAt)
        writer.write(4, sfixed64: lastSeenAt)
        writer.write(5, uint64: count)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: sha256 = try field.bytes(context)
        case 2: location = try field.string(context)
        case 3: firstSeenAt = try field.sfixed64(context)
        case 4: lastSeenAt = try field.sfixed64(context)
        case 5: count = try field.uint64(context)
        default: return false
        }
        return true
    }
}
