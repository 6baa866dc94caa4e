/// What the store remembers of one reporter's updates to one job (record kind 15; schema
/// `ReporterWindow`): the highest `seq` seen and which of the `window` seqs below it were seen, so a retried
/// or reordered update is applied exactly once. Key: `(15, job id, reporter)`.
public struct ReporterWindowRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.reporterWindow
    public static let schemaVersion: UInt16 = 1
    /// How many seqs at and below the highest are remembered.
    public static let window = 1_024

    /// The job.
    public var jobID = ""
    /// The reporter.
    public var reporter = ""
    /// The highest seq seen.
    public var highestSeq: UInt64 = 0
    /// Bit `i` (byte `i / 8`, bit `i % 8`) is set when seq `highest_seq − i` was seen; `window / 8` bytes.
    public var seen: [UInt8] = []
    /// Updates from this reporter applied to the job.
    public var applied: UInt64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<ReporterWindowRecord>] = [
        .string(1, "job_id", \.jobID),
        .string(2, "reporter", \.reporter),
        .uint64(3, "highest_seq", \.highestSeq),
        .bytes(4, "seen", \.seen),
        .uint64(5, "applied", \.applied),
    ]

    public var primaryKey: [TupleElement] { [.string(jobID), .string(reporter)] }

    /// What a reporter's window says of `seq`.
    public enum Admission: Sendable, Equatable {
        /// Not seen: apply it.
        case fresh
        /// Seen before: ignore it.
        case duplicate
        /// Older than the window: it cannot be told from a duplicate, so it is refused.
        case tooOld
    }

    /// Whether `seq` is new, seen, or too old, without recording it.
    public func admission(of seq: UInt64) -> Admission {
        if seen.isEmpty || seq > highestSeq { return .fresh }
        let offset = highestSeq - seq
        guard offset < UInt64(Self.window) else { return .tooOld }
        return seen[Int(offset / 8)] & (1 << (offset % 8)) != 0 ? .duplicate : .fresh
    }

    /// Records `seq` as seen (it must be ``Admission/fresh``), sliding the window when it is the new highest.
    public mutating func record(_ seq: UInt64) {
        if seen.isEmpty {
            seen = Array(repeating: 0, count: Self.window / 8)
            highestSeq = seq
        } else if seq > highestSeq {
            shift(by: seq - highestSeq)
            highestSeq = seq
        }
        let offset = highestSeq - seq
        seen[Int(offset / 8)] |= 1 << (offset % 8)
        applied += 1
    }

    /// Moves every bit `distance` places towards older offsets, dropping those that leave the window.
    private mutating func shift(by distance: UInt64) {
        guard distance < UInt64(Self.window) else {
            seen = Array(repeating: 0, count: Self.window / 8)
            return
        }
        let bytes = Int(distance / 8)
        let bits = Int(distance % 8)
        var shifted = Array(repeating: UInt8(0), count: seen.count)
        for index in stride(from: seen.count - 1, through: bytes, by: -1) {
            let source = index - bytes
            var value = seen[source] << bits
            if bits > 0, source > 0 { value |= seen[source - 1] >> (8 - bits) }
            shifted[index] = value
        }
        seen = shifted
    }
}
