/// The last-writer-wins order of a progress update: `(timestamp, reporter, seq)`, compared in that order
/// (reporters by their UTF-8 bytes). The zero stamp orders before every real one.
package struct LWWStamp: Sendable, Hashable, Comparable {
    /// The update's time, microseconds since the Unix epoch.
    package var timestamp: Int64
    /// The reporter, or empty for updates without one.
    package var reporter: String {
        get { exactReporter.string }
        set { exactReporter = ExactString(newValue) }
    }
    /// The reporter as an identity, so that equality, hashing and order go by its bytes.
    private var exactReporter: ExactString
    /// The reporter's sequence number, or 0.
    package var seq: UInt64

    /// Creates a stamp.
    package init(timestamp: Int64 = 0, reporter: String = "", seq: UInt64 = 0) {
        self.timestamp = timestamp
        self.exactReporter = ExactString(reporter)
        self.seq = seq
    }

    /// Whether this is the zero stamp (no writer yet).
    package var isZero: Bool { timestamp == 0 && reporter.isEmpty && seq == 0 }

    package static func < (lhs: LWWStamp, rhs: LWWStamp) -> Bool {
        if lhs.timestamp != rhs.timestamp { return lhs.timestamp < rhs.timestamp }
        if lhs.exactReporter != rhs.exactReporter { return lhs.exactReporter < rhs.exactReporter }
        return lhs.seq < rhs.seq
    }
}
