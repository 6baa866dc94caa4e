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
        if runLength > 0 {
            if !seen.isEmpty { return "a window with a run_length keeps no seen ring" }
            if runLength > UInt64(Self.window) { return "run_length \(runLength) is above the window \(Self.window)" }
            if runLength - 1 > highestSeq { return "run_length \(runLength) reaches below seq 0" }
        } else if !seen.isEmpty && seen.count != Self.window / 8 {
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

    /// Whether the window has seen nothing yet.
    private var isEmpty: Bool { seen.isEmpty && runLength == 0 }

    /// Whether `seq` is new, seen, or too old, without recording it. O(1).
    public func admission(of seq: UInt64) -> Admission {
        if isEmpty || seq > highestSeq { return .fresh }
        guard highestSeq - seq < UInt64(Self.window) else { return .tooOld }
        if runLength > 0 { return highestSeq - seq < runLength ? .duplicate : .fresh }
        return isSet(seq) ? .duplicate : .fresh
    }

    /// Records `seq` as seen (it must be ``Admission/fresh``). A window that has seen one run of consecutive
    /// seqs ending at its highest keeps only the run's length; one with holes keeps a ring of bits, sliding it
    /// when `seq` is the new highest (the bits of the seqs that leave the window are cleared), and returns to a
    /// run once its holes are filled or have left the window, so one set of seqs has one form. O(1) for the
    /// next seq of a run; else O(window).
    public mutating func record(_ seq: UInt64) {
        applied += 1
        if isEmpty {
            highestSeq = seq
            runLength = 1
            return
        }
        if runLength > 0 {
            if seq > highestSeq && seq - highestSeq == 1 {
                highestSeq = seq
                runLength = min(runLength + 1, UInt64(Self.window))
                return
            }
            expandRun()
        }
        let window = UInt64(Self.window)
        if seq > highestSeq {
            if seq - highestSeq >= window {
                for index in seen.indices { seen[index] = 0 }
            } else {
                for leaving in highestSeq + 1...seq { clear(leaving) }
            }
            highestSeq = seq
        }
        set(seq)
        compact()
    }

    /// Keeps the window as the length of its run when the seqs it has seen are consecutive and end at its
    /// highest (holes filled, or slid out of the window): its one form, a few bytes when stored. A window read
    /// from a file of 1.8 or earlier, which always kept the ring, is compacted before it is stored. O(window).
    public mutating func compact() {
        guard runLength == 0, seen.count == Self.window / 8 else { return }
        let count = seen.withUnsafeBytes { bytes in
            stride(from: 0, to: bytes.count, by: 8).reduce(0) {
                $0 + bytes.loadUnaligned(fromByteOffset: $1, as: UInt64.self).nonzeroBitCount
            }
        }
        guard count > 0, UInt64(count) - 1 <= highestSeq,
            (0..<UInt64(count)).allSatisfy({ isSet(highestSeq - $0) })
        else { return }
        runLength = UInt64(count)
        seen = []
    }

    /// Turns a run into the ring of bits that holds the same seqs.
    private mutating func expandRun() {
        seen = Array(repeating: 0, count: Self.window / 8)
        for offset in 0..<runLength { set(highestSeq - offset) }
        runLength = 0
    }

    private func isSet(_ seq: UInt64) -> Bool {
        let bit = Int(seq % UInt64(Self.window))
        return seen[bit / 8] & (1 << (bit % 8)) != 0
    }

    private mutating func set(_ seq: UInt64) {
        let bit = Int(seq % UInt64(Self.window))
        seen[bit / 8] |= 1 << (bit % 8)
    }

    private mutating func clear(_ seq: UInt64) {
        let bit = Int(seq % UInt64(Self.window))
        seen[bit / 8] &= ~(1 << (bit % 8))
    }
}
