// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// One entry of a job's append-only event log (record kind 14, `events` database; schema `Event`): a timeline
/// event or an error. Key: `(14, job id, sequence)`.
public struct EventRecord: Equatable, Sendable, Encodable {
    /// The job.
    public var jobID = ""
    /// Its position in the job's log, from 0.
    public var sequence: UInt64 = 0
    /// When it happened (the reporter's time when it gave one).
    public var at: Int64 = 0
    /// What happened: `error`, `progress_update`, a status name, or a reporter's own event name.
    public var event = ""
    /// A message (the error text for errors).
    public var message = ""
    /// Details, a JSON document (or empty).
    public var details = ""
    /// The page URL the event concerns, if any.
    public var url = ""
    /// The reporter that sent it, if any.
    public var reporter = ""
    /// The reporter's sequence number, if any.
    public var reporterSequence: UInt64 = 0
    /// When the store recorded it.
    public var recordedAt: Int64 = 0
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension EventRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<EventRecord>] = [
        .string(1, "job_id", \.jobID),
        .uint64(2, "sequence", \.sequence),
        .timestamp(3, "at", \.at),
        .string(4, "event", \.event),
        .string(5, "message", \.message),
        .json(6, "details", \.details),
        .string(7, "url", \.url),
        .string(8, "reporter", \.reporter),
        .uint64(9, "reporter_seq", \.reporterSequence),
        .timestamp(10, "recorded_at", \.recordedAt),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: jobID)
        writer.write(2, uint64: sequence)
        writer.write(3, sfixed64: at)
        writer.write(4, string: event)
        writer.write(5, string: message)
        writer.write(6, string: details)
        writer.write(7, string: url)
        writer.write(8, string: reporter)
        writer.write(9, uint64: reporterSequence)
        writer.write(10, sfixed64: recordedAt)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: jobID = try field.string(context)
        case 2: sequence = try field.uint64(context)
        case 3: at = try field.sfixed64(context)
        case 4: event = try field.string(context)
        case 5: message = try field.string(context)
        case 6: details = try field.string(context)
        case 7: url = try field.string(context)
        case 8: reporter = try field.string(context)
        case 9: reporterSequence = try field.uint64(context)
        case 10: recordedAt = try field.sfixed64(context)
        default: return false
        }
        return true
    }
}
