// How ReporterWindowRecord is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension ReporterWindowRecord: StoredRecord {
    package static let kind = RecordKind.reporterWindow
    package static let schemaVersion: UInt16 = 1
    /// How many seqs at and below the highest are remembered.
    public static let window = 1_024

    /// An empty window for `reporter`'s updates to `jobID`.
    public init(jobID: String, reporter: String) {
        self.jobID = jobID
        self.reporter = reporter
    }

    package var primaryKey: [TupleElement] { [.string(jobID), .string(reporter)] }

    package var references: [RecordReference] { RecordReference.job(Self.fieldName(\.jobID), jobID) }

    package var recordViolation: String? {
        if !seen.isEmpty && seen.count != Self.window / 8 {
            return "seen is \(seen.count) bytes; a window is \(Self.window / 8)"
        }
        return applied == .max ? "applied is at its limit" : nil
    }

    /// What a reporter's window says of `seq`.
    public enum Admission: Sendable, Equatable {
        /// Not seen: apply it.
        case fresh
        /// Seen before: ignore it.
        case duplicate
        /// Older than the window: it cannot be told from a duplicate, so it is refused.
        case tooOld
    }

    /// Whether `seq` is new, seen, or too old, without recording it. O(1).
    public func admission(of seq: UInt64) -> Admission {
        if seen.isEmpty || seq > highestSeq { return .fresh }
        guard highestSeq - seq < UInt64(Self.window) else { return .tooOld }
        return isSet(seq) ? .duplicate : .fresh
    }

    /// Records `seq` as seen (it must be ``Admission/fresh``), sliding the window when it is the new highest:
    /// the bits of the seqs that leave the window are cleared. O(distance moved), at most O(window).
    public mutating func record(_ seq: UInt64) {
        let window = UInt64(Self.window)
        if seen.isEmpty {
            seen = Array(repeating: 0, count: Self.window / 8)
            highestSeq = seq
        } else if seq > highestSeq {
            if seq - highestSeq >= window {
                for index in seen.indices { seen[index] = 0 }
            } else {
                for leaving in highestSeq + 1...seq { clear(leaving) }
            }
            highestSeq = seq
        }
        let bit = Int(seq % window)
        seen[bit / 8] |= 1 << (bit % 8)
        applied += 1
    }

    private func isSet(_ seq: UInt64) -> Bool {
        let bit = Int(seq % UInt64(Self.window))
        return seen[bit / 8] & (1 << (bit % 8)) != 0
    }

    private mutating func clear(_ seq: UInt64) {
        let bit = Int(seq % UInt64(Self.window))
        seen[bit / 8] &= ~(1 << (bit % 8))
    }
}
