// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// One entry of a page's history (record kind 4, `events` database; schema `PageVersion`): the page's state
/// right after a change. Key: `(4, page id, version)`.
public struct PageVersionRecord: Equatable, Sendable, Encodable {
    /// The page.
    public var pageID = ""
    /// The version number, from 1.
    public var version: UInt64 = 0
    /// What changed.
    public var change: PageChange = ""
    /// The job that made the change.
    public var jobID = ""
    /// The page's batch id after the change.
    public var batchID = ""
    /// The page's status after the change.
    public var status: PageStatus = ""
    /// The page's content hash after the change.
    public var contentHash: [UInt8] = []
    /// When the change was made.
    public var at: Int64 = 0
    /// The page's creating job.
    public var createdByProcessID = ""
    /// The page's last updating job after the change.
    public var lastUpdatedByProcessID = ""
    /// The failure message, for `errored`.
    public var error = ""
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension PageVersionRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<PageVersionRecord>] = [
        .string(1, "page_id", \.pageID),
        .uint64(2, "version", \.version),
        .value(3, "change", \.change),
        .string(4, "job_id", \.jobID),
        .string(5, "batch_id", \.batchID),
        .value(6, "status", \.status),
        .bytes(7, "content_hash", \.contentHash),
        .timestamp(8, "at", \.at),
        .string(9, "created_by_process_id", \.createdByProcessID),
        .string(10, "last_updated_by_process_id", \.lastUpdatedByProcessID),
        .string(11, "error", \.error),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: pageID)
        writer.write(2, uint64: version)
        writer.write(3, string: change.rawValue)
        writer.write(4, string: jobID)
        writer.write(5, string: batchID)
        writer.write(6, string: status.rawValue)
        writer.write(7, bytes: contentHash)
        writer.write(8, sfixed64: at)
        writer.write(9, string: createdByProcessID)
        writer.write(10, string: lastUpdatedByProcessID)
        writer.write(11, string: error)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: pageID = try field.string(context)
        case 2: version = try field.uint64(context)
        case 3: change = PageChange(rawValue: try field.string(context))
        case 4: jobID = try field.string(context)
        case 5: batchID = try field.string(context)
        case 6: status = PageStatus(rawValue: try field.string(context))
        case 7: contentHash = try field.bytes(context)
        case 8: at = try field.sfixed64(context)
        case 9: createdByProcessID = try field.string(context)
        case 10: lastUpdatedByProcessID = try field.string(context)
        case 11: error = try field.string(context)
        default: return false
        }
        return true
    }
}
