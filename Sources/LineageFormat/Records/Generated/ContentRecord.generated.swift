// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// One distinct file content (record kind 16; schema `Content`). Key: `(16, sha256)`.
public struct ContentRecord: Equatable, Sendable, Encodable {
    /// The 32-byte SHA-256 digest.
    public var sha256: [UInt8] = []
    /// The 16 canonical bytes of the XXH3-128 digest.
    public var xxh3: [UInt8] = []
    /// The content's size in bytes.
    public var size: UInt64 = 0
    /// When it was first seen, microseconds since the Unix epoch.
    public var firstSeenAt: Int64 = 0
    /// When it was last seen.
    public var lastSeenAt: Int64 = 0
    /// How many sightings were recorded, all locations together.
    public var seenCount: UInt64 = 0
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension ContentRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<ContentRecord>] = [
        .bytes(1, "sha256", \.sha256),
        .bytes(2, "xxh3_128", \.xxh3),
        .uint64(3, "size", \.size),
        .timestamp(4, "first_seen_at", \.firstSeenAt),
        .timestamp(5, "last_seen_at", \.lastSeenAt),
        .uint64(6, "seen_count", \.seenCount),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, bytes: sha256)
        writer.write(2, bytes: xxh3)
        writer.write(3, uint64: size)
        writer.write(4, sfixed64: firstSeenAt)
        writer.write(5, sfixed64: lastSeenAt)
        writer.write(6, uint64: seenCount)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: sha256 = try field.bytes(context)
        case 2: xxh3 = try field.bytes(context)
        case 3: size = try field.uint64(context)
        case 4: firstSeenAt = try field.sfixed64(context)
        case 5: lastSeenAt = try field.sfixed64(context)
        case 6: seenCount = try field.uint64(context)
        default: return false
        }
        return true
    }
}
