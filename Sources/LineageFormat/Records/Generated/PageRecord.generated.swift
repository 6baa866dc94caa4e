// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// A crawled page and its lineage (record kind 3; schema `Page`): which job created it, which last changed it,
/// and which scrape batch produced its content. The URL is unique per website. Key (3, id).
public struct PageRecord: Equatable, Sendable, Encodable {
    /// The page id.
    public var id = ""
    /// The website it belongs to.
    public var websiteID = ""
    /// Its URL (unique within the website).
    public var url = ""
    /// Its status.
    public var status: PageStatus = ""
    /// The 16 canonical bytes of the XXH3-128 of its content, or empty.
    public var contentHash: [UInt8] = []
    /// The job that created it.
    public var createdByProcessID = ""
    /// The job that last changed it, or empty if none did after creation.
    public var lastUpdatedByProcessID = ""
    /// The scrape batch that produced its current content (`firecrawl_batch_id` in the seed design).
    public var batchID = ""
    /// The job whose crawl of it last failed, or empty.
    public var failedByProcessID = ""
    /// The last failure's message.
    public var lastError = ""
    /// When it was created.
    public var createdAt: Int64 = 0
    /// When it last changed.
    public var updatedAt: Int64 = 0
    /// How many versions its history holds.
    public var versionCount: UInt64 = 0
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension PageRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<PageRecord>] = [
        .string(1, "id", \.id),
        .string(2, "website_id", \.websiteID),
        .string(3, "url", \.url),
        .value(4, "status", \.status),
        .bytes(5, "content_hash", \.contentHash),
        .string(6, "created_by_process_id", \.createdByProcessID),
        .string(7, "last_updated_by_process_id", \.lastUpdatedByProcessID),
        .string(8, "batch_id", \.batchID),
        .string(9, "failed_by_process_id", \.failedByProcessID),
        .string(10, "last_error", \.lastError),
        .timestamp(11, "created_at", \.createdAt),
        .timestamp(12, "updated_at", \.updatedAt),
        .uint64(13, "version_count", \.versionCount),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: id)
        writer.write(2, string: websiteID)
        writer.write(3, string: url)
        writer.write(4, string: status.rawValue)
        writer.write(5, bytes: contentHash)
        writer.write(6, string: createdByProcessID)
        writer.write(7, string: lastUpdatedByProcessID)
        writer.write(8, string: batchID)
        writer.write(9, string: failedByProcessID)
        writer.write(10, string: lastError)
        writer.write(11, sfixed64: createdAt)
        writer.write(12, sfixed64: updatedAt)
        writer.write(13, uint64: versionCount)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: id = try field.string(context)
        case 2: websiteID = try field.string(context)
        case 3: url = try field.string(context)
        case 4: status = PageStatus(rawValue: try field.string(context))
        case 5: contentHash = try field.bytes(context)
        case 6: createdByProcessID = try field.string(context)
        case 7: lastUpdatedByProcessID = try field.string(context)
        case 8: batchID = try field.string(context)
        case 9: failedByProcessID = try field.string(context)
        case 10: lastError = try field.string(context)
        case 11: createdAt = try field.sfixed64(context)
        case 12: updatedAt = try field.sfixed64(context)
        case 13: versionCount = try field.uint64(context)
        default: return false
        }
        return true
    }
}
