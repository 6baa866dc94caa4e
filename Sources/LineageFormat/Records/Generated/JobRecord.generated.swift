// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// A process job (record kind 2; schema `Job`): a run that creates and changes pages, with its counters, the
/// scrape batches it used, and its progress. Key (2, id).
public struct JobRecord: Equatable, Sendable, Encodable {
    /// The job id.
    public var id = ""
    /// The website (scope) the job works on.
    public var websiteID = ""
    /// The kind of run.
    public var processType: ProcessType = ""
    /// The status.
    public var status: JobStatus = ""
    /// When it started.
    public var startedAt: Int64 = 0
    /// When it reached a terminal status, or 0.
    public var completedAt: Int64 = 0
    /// When it last changed.
    public var updatedAt: Int64 = 0
    /// Pages it created.
    public var urlsDiscovered: UInt64 = 0
    /// Pages it changed or deleted-and-restored.
    public var urlsUpdated: UInt64 = 0
    /// Pages it marked deleted.
    public var urlsDeleted: UInt64 = 0
    /// Pages it failed.
    public var urlsErrored: UInt64 = 0
    /// The scrape batch ids it used, sorted, without repeats.
    public var batchIDs: [String] = []
    /// How many errors its event log holds.
    public var errorCount: UInt64 = 0
    /// The message of its last error.
    public var lastError = ""
    /// Caller metadata, a JSON document (or empty).
    public var metadata = ""
    /// The sequence number the next event of this job gets.
    package var nextEventSequence: UInt64 = 0
    /// The sequence number of the oldest event retention kept.
    package var firstEventSequence: UInt64 = 0
    /// Items processed: the largest `processedItems` reported (monotonic).
    public var processedItems: Int64 = 0
    /// Items in all, last writer wins.
    public var totalItems: Int64 = 0
    /// The data type being processed, last writer wins.
    public var currentDataType = ""
    /// The resume cursor, last writer wins.
    public var lastProcessedID = ""
    /// The processing stage, last writer wins.
    public var stage = ""
    /// The operation type, last writer wins.
    public var operationType = ""
    /// Items per data type: the sum of every update's deltas, each applied once.
    public var itemsByType: [String: Int64] = [:]
    /// The stamp of the update that set `total_items`.
    package var totalItemsStamp = LWWStamp()
    /// The stamp of the update that set `current_data_type`.
    package var currentDataTypeStamp = LWWStamp()
    /// The stamp of the update that set `last_processed_id`.
    package var lastProcessedIDStamp = LWWStamp()
    /// The stamp of the update that set `stage`.
    package var stageStamp = LWWStamp()
    /// The stamp of the update that set `operation_type`.
    package var operationTypeStamp = LWWStamp()
    /// The stamp of the update (or call) that set `status`.
    package var statusStamp = LWWStamp()
    /// Progress updates merged into the job.
    public var progressUpdates: UInt64 = 0
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension JobRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<JobRecord>] = [
        .string(1, "id", \.id),
        .string(2, "website_id", \.websiteID),
        .value(3, "process_type", \.processType),
        .value(4, "status", \.status),
        .timestamp(5, "started_at", \.startedAt),
        .timestamp(6, "completed_at", \.completedAt),
        .timestamp(7, "updated_at", \.updatedAt),
        .uint64(8, "urls_discovered", \.urlsDiscovered),
        .uint64(9, "urls_updated", \.urlsUpdated),
        .uint64(10, "urls_deleted", \.urlsDeleted),
        .uint64(11, "urls_errored", \.urlsErrored),
        .strings(12, "batch_ids", \.batchIDs),
        .uint64(13, "error_count", \.errorCount),
        .string(14, "last_error", \.lastError),
        .json(15, "metadata", \.metadata),
        .uint64(16, "next_event_sequence", \.nextEventSequence),
        .uint64(17, "first_event_sequence", \.firstEventSequence),
        .int64(18, "processed_items", \.processedItems),
        .int64(19, "total_items", \.totalItems),
        .string(20, "current_data_type", \.currentDataType),
        .string(21, "last_processed_id", \.lastProcessedID),
        .string(22, "stage", \.stage),
        .string(23, "operation_type", \.operationType),
        .counts(24, "items_by_type", \.itemsByType),
        .stamp(25, "total_items_stamp", \.totalItemsStamp),
        .stamp(26, "current_data_type_stamp", \.currentDataTypeStamp),
        .stamp(27, "last_processed_id_stamp", \.lastProcessedIDStamp),
        .stamp(28, "stage_stamp", \.stageStamp),
        .stamp(29, "operation_type_stamp", \.operationTypeStamp),
        .stamp(30, "status_stamp", \.statusStamp),
        .uint64(31, "progress_updates", \.progressUpdates),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: id)
        writer.write(2, string: websiteID)
        writer.write(3, string: processType.rawValue)
        writer.write(4, string: status.rawValue)
        writer.write(5, sfixed64: startedAt)
        writer.write(6, sfixed64: completedAt)
        writer.write(7, sfixed64: updatedAt)
        writer.write(8, uint64: urlsDiscovered)
        writer.write(9, uint64: urlsUpdated)
        writer.write(10, uint64: urlsDeleted)
        writer.write(11, uint64: urlsErrored)
        for value in batchIDs { writer.writeRepeated(12, string: value) }
        writer.write(13, uint64: errorCount)
        writer.write(14, string: lastError)
        writer.write(15, string: metadata)
        writer.write(16, uint64: nextEventSequence)
        writer.write(17, uint64: firstEventSequence)
        writer.write(18, sint64: processedItems)
        writer.write(19, sint64: totalItems)
        writer.write(20, string: currentDataType)
        writer.write(21, string: lastProcessedID)
        writer.write(22, string: stage)
        writer.write(23, string: operationType)
        writer.writeCounts(24, itemsByType)
        writer.writeStamp(25, totalItemsStamp)
        writer.writeStamp(26, currentDataTypeStamp)
        writer.writeStamp(27, lastProcessedIDStamp)
        writer.writeStamp(28, stageStamp)
        writer.writeStamp(29, operationTypeStamp)
        writer.writeStamp(30, statusStamp)
        writer.write(31, uint64: progressUpdates)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: id = try field.string(context)
        case 2: websiteID = try field.string(context)
        case 3: processType = ProcessType(rawValue: try field.string(context))
        case 4: status = JobStatus(rawValue: try field.string(context))
        case 5: startedAt = try field.sfixed64(context)
        case 6: completedAt = try field.sfixed64(context)
        case 7: updatedAt = try field.sfixed64(context)
        case 8: urlsDiscovered = try field.uint64(context)
        case 9: urlsUpdated = try field.uint64(context)
        case 10: urlsDeleted = try field.uint64(context)
        case 11: urlsErrored = try field.uint64(context)
        case 12: batchIDs.append(try field.string(context))
        case 13: errorCount = try field.uint64(context)
        case 14: lastError = try field.string(context)
        case 15: metadata = try field.string(context)
        case 16: nextEventSequence = try field.uint64(context)
        case 17: firstEventSequence = try field.uint64(context)
        case 18: processedItems = try field.sint64(context)
        case 19: totalItems = try field.sint64(context)
        case 20: currentDataType = try field.string(context)
        case 21: lastProcessedID = try field.string(context)
        case 22: stage = try field.string(context)
        case 23: operationType = try field.string(context)
        case 24:
            let (key, value) = try field.countEntry(context)
            itemsByType[key] = value
        case 25: totalItemsStamp = try field.stamp(context)
        case 26: currentDataTypeStamp = try field.stamp(context)
        case 27: lastProcessedIDStamp = try field.stamp(context)
        case 28: stageStamp = try field.stamp(context)
        case 29: operationTypeStamp = try field.stamp(context)
        case 30: statusStamp = try field.stamp(context)
        case 31: progressUpdates = try field.uint64(context)
        default: return false
        }
        return true
    }
}
