// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// What the store remembers of one reporter's updates to one job (record kind 15; schema `ReporterWindow`):
/// the highest `seq` seen and which of the `window` seqs below it were seen, so a retried or reordered update
/// is applied exactly once. Key: `(15, job id, reporter)`.
public struct ReporterWindowRecord: Equatable, Sendable, Encodable {
    /// The job.
    public var jobID = ""
    /// The reporter.
    public var reporter = ""
    /// The highest seq seen.
    public var highestSeq: UInt64 = 0
    /// A ring of `window` bits, `window / 8` bytes: bit `seq mod window` (byte `b / 8`, bit `b % 8`) is set when
    /// `seq`, one of the `window` seqs at and below `highest_seq`, was applied.
    public var seen: [UInt8] = []
    /// Updates from this reporter applied to the job.
    /// that seq, within 1024 of highest_seq, was applied
    public var applied: UInt64 = 0
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension ReporterWindowRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<ReporterWindowRecord>] = [
        .string(1, "job_id", \.jobID),
        .string(2, "reporter", \.reporter),
        .uint64(3, "highest_seq", \.highestSeq),
        .bytes(4, "seen", \.seen),
        .uint64(5, "applied", \.applied),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: jobID)
        writer.write(2, string: reporter)
        writer.write(3, uint64: highestSeq)
        writer.write(4, bytes: seen)
        writer.write(5, uint64: applied)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: jobID = try field.string(context)
        case 2: reporter = try field.string(context)
        case 3: highestSeq = try field.uint64(context)
        case 4: seen = try field.bytes(context)
        case 5: applied = try field.uint64(context)
        default: return false
        }
        return true
    }
}
