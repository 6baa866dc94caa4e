// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// One of a user's crawl sources (record kind 6; schema `Source`). Key: `(6, user id, source id)`, so a user's
/// sources are one prefix scan.
public struct SourceRecord: Equatable, Sendable, Encodable {
    /// The owning user.
    public var userID = ""
    /// The source id.
    public var id = ""
    /// A display name.
    public var name = ""
    /// The URL crawled.
    public var url = ""
    /// Its status.
    public var status: SourceStatus = ""
    /// When it was last crawled, or 0.
    public var lastCrawledAt: Int64 = 0
    /// The last crawl's failure message.
    public var lastError = ""
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

extension SourceRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<SourceRecord>] = [
        .string(1, "user_id", \.userID),
        .string(2, "id", \.id),
        .string(3, "name", \.name),
        .string(4, "url", \.url),
        .value(5, "status", \.status),
        .timestamp(6, "last_crawled_at", \.lastCrawledAt),
        .string(7, "last_error", \.lastError),
        .timestamp(8, "created_at", \.createdAt),
        .timestamp(9, "updated_at", \.updatedAt),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: userID)
        writer.write(2, string: id)
        writer.write(3, string: name)
        writer.write(4, string: url)
        writer.write(5, string: status.rawValue)
        writer.write(6, sfixed64: lastCrawledAt)
        writer.write(7, string: lastError)
        writer.write(8, sfixed64: createdAt)
        writer.write(9, sfixed64: updatedAt)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: userID = try field.string(context)
        case 2: id = try field.string(context)
        case 3: name = try field.string(context)
        case 4: url = try field.string(context)
        case 5: status = SourceStatus(rawValue: try field.string(context))
        case 6: lastCrawledAt = try field.sfixed64(context)
        case 7: lastError = try field.string(context)
        case 8: createdAt = try field.sfixed64(context)
        case 9: updatedAt = try field.sfixed64(context)
        default: return false
        }
        return true
    }
}
