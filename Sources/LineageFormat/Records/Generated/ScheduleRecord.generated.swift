// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// A user's crawl schedule (record kind 5; schema `Schedule`; `user_crawl_schedule` in the seed design).
///
/// The seed's `is_crawling` flag is a lease here: `lease_owner` holds it from `lease_since` until
/// `lease_expires_at`, after which another crawler may take it over. Key (5, user id).
public struct ScheduleRecord: Equatable, Sendable, Encodable {
    /// The user.
    public var userID = ""
    /// When the last batch crawl completed, or 0.
    public var lastBatchCrawlAt: Int64 = 0
    /// When the next batch crawl is due.
    public var nextScheduledCrawlAt: Int64 = 0
    /// Hours between batch crawls (new schedules get 24).
    public var frequencyHours: UInt64 = 0
    /// How long the last batch crawl took, in seconds.
    public var lastDurationSeconds: Double = 0
    /// Sources the last batch crawl crawled.
    public var sourcesCrawled: UInt64 = 0
    /// Sources the last batch crawl failed on.
    public var sourcesFailed: UInt64 = 0
    /// The crawler holding the lease, or empty when no batch crawl runs.
    public var leaseOwner = ""
    /// When the lease was taken.
    public var leaseSince: Int64 = 0
    /// When the lease lapses unless the batch completes first.
    public var leaseExpiresAt: Int64 = 0
    /// How the last batch crawl ended: `completed`, `failed`, `abandoned`, or empty.
    public var lastOutcome = ""
    /// The last batch crawl's failure message.
    public var lastError = ""
    /// How many times an expired lease was taken over.
    public var leaseRecoveries: UInt64 = 0
    /// When the schedule was created.
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

extension ScheduleRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<ScheduleRecord>] = [
        .string(1, "user_id", \.userID),
        .timestamp(2, "last_batch_crawl_at", \.lastBatchCrawlAt),
        .timestamp(3, "next_scheduled_crawl_at", \.nextScheduledCrawlAt),
        .uint64(4, "frequency_hours", \.frequencyHours),
        .double(5, "last_duration_seconds", \.lastDurationSeconds),
        .uint64(6, "sources_crawled", \.sourcesCrawled),
        .uint64(7, "sources_failed", \.sourcesFailed),
        .string(8, "lease_owner", \.leaseOwner),
        .timestamp(9, "lease_since", \.leaseSince),
        .timestamp(10, "lease_expires_at", \.leaseExpiresAt),
        .string(11, "last_outcome", \.lastOutcome),
        .string(12, "last_error", \.lastError),
        .uint64(13, "lease_recoveries", \.leaseRecoveries),
        .timestamp(14, "created_at", \.createdAt),
        .timestamp(15, "updated_at", \.updatedAt),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: userID)
        writer.write(2, sfixed64: lastBatchCrawlAt)
        writer.write(3, sfixed64: nextScheduledCrawlAt)
        writer.write(4, uint64: frequencyHours)
        writer.write(5, double: lastDurationSeconds)
        writer.write(6, uint64: sourcesCrawled)
        writer.write(7, uint64: sourcesFailed)
        writer.write(8, string: leaseOwner)
        writer.write(9, sfixed64: leaseSince)
        writer.write(10, sfixed64: leaseExpiresAt)
        writer.write(11, string: lastOutcome)
        writer.write(12, string: lastError)
        writer.write(13, uint64: leaseRecoveries)
        writer.write(14, sfixed64: createdAt)
        writer.write(15, sfixed64: updatedAt)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: userID = try field.string(context)
        case 2: lastBatchCrawlAt = try field.sfixed64(context)
        case 3: nextScheduledCrawlAt = try field.sfixed64(context)
        case 4: frequencyHours = try field.uint64(context)
        case 5: lastDurationSeconds = try field.double(context)
        case 6: sourcesCrawled = try field.uint64(context)
        case 7: sourcesFailed = try field.uint64(context)
        case 8: leaseOwner = try field.string(context)
        case 9: leaseSince = try field.sfixed64(context)
        case 10: leaseExpiresAt = try field.sfixed64(context)
        case 11: lastOutcome = try field.string(context)
        case 12: lastError = try field.string(context)
        case 13: leaseRecoveries = try field.uint64(context)
        case 14: createdAt = try field.sfixed64(context)
        case 15: updatedAt = try field.sfixed64(context)
        default: return false
        }
        return true
    }
}
