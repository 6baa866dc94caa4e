// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// What a path looked like when it was last hashed, so an unchanged file is not hashed again (record kind 18;
/// schema `StatCacheEntry`). Key: `(18, XXH3-128 of path)`.
public struct StatCacheRecord: Equatable, Sendable, Encodable {
    /// The absolute path.
    public var path = ""
    /// The size in bytes.
    public var size: UInt64 = 0
    /// The modification time in nanoseconds since the Unix epoch.
    public var modifiedAtNanoseconds: Int64 = 0
    /// The inode number.
    public var inode: UInt64 = 0
    /// The device number.
    public var device: UInt64 = 0
    /// The SHA-256 digest, or empty when only XXH3-128 was computed.
    public var sha256: [UInt8] = []
    /// The XXH3-128 canonical bytes.
    public var xxh3: [UInt8] = []
    /// When the digests were computed.
    public var hashedAt: Int64 = 0
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension StatCacheRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<StatCacheRecord>] = [
        .string(1, "path", \.path),
        .uint64(2, "size", \.size),
        .int64(3, "modified_at_ns", \.modifiedAtNanoseconds),
        .uint64(4, "inode", \.inode),
        .uint64(5, "device", \.device),
        .bytes(6, "sha256", \.sha256),
        .bytes(7, "xxh3_128", \.xxh3),
        .timestamp(8, "hashed_at", \.hashedAt),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: path)
        writer.write(2, uint64: size)
        writer.write(3, sint64: modifiedAtNanoseconds)
        writer.write(4, uint64: inode)
        writer.write(5, uint64: device)
        writer.write(6, bytes: sha256)
        writer.write(7, bytes: xxh3)
        writer.write(8, sfixed64: hashedAt)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: path = try field.string(context)
        case 2: size = try field.uint64(context)
        case 3: modifiedAtNanoseconds = try field.sint64(context)
        case 4: inode = try field.uint64(context)
        case 5: device = try field.uint64(context)
        case 6: sha256 = try field.bytes(context)
        case 7: xxh3 = try field.bytes(context)
        case 8: hashedAt = try field.sfixed64(context)
        default: return false
        }
        return true
    }
}
