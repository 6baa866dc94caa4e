/// One entry of a job's append-only event log (record kind 14, `events` database; schema `Event`): a
/// timeline event or an error. Key: `(14, job id, sequence)`.
public struct EventRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.event
    public static let schemaVersion: UInt16 = 1
    public static var database: RecordDatabase { .events }

    /// The event name for errors.
    public static let errorEvent = "error"

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
    public var unknownFields: [UInt8] = []

    public init() {}

    /// Whether this entry is an error.
    public var isError: Bool { event == Self.errorEvent }

    public static let fields: [RecordField<EventRecord>] = [
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

    public var primaryKey: [TupleElement] { [.string(jobID), .int(Int64(sequence))] }
}
