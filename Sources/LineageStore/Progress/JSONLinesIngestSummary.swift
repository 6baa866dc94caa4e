/// What ``LineageStore/ingest(jsonLinesFrom:named:strict:batchSize:progress:committed:)`` did with streams of JSON lines.
public struct JSONLinesIngestSummary: Sendable, Equatable, Encodable {
    /// A line that could not be merged.
    public struct InvalidLine: Sendable, Equatable, Encodable {
        /// The stream it came from (a file name, or `-` for standard input).
        public var source: String
        /// Its 1-based line number in that stream (blank lines count).
        public var line: Int
        /// Why it was refused, naming the field.
        public var message: String

        /// Creates an entry.
        public init(source: String, line: Int, message: String) {
            self.source = source
            self.line = line
            self.message = message
        }
    }

    /// Wall-clock seconds from the first read to the last commit.
    public var seconds = 0.0
    /// How many updates got each outcome.
    public var counts: [ProgressOutcome.Kind: Int] = [:]
    /// The invalid lines, in stream and line order.
    public var invalid: [InvalidLine] = []

    /// Creates an empty summary.
    public init() {}

    /// The non-blank lines read, each one update with one outcome.
    public var updates: Int { counts.values.reduce(0, +) }

    /// Updates per second over ``seconds``.
    public var updatesPerSecond: Double { Double(updates) / max(seconds, 1e-9) }

    /// Adds the summary of a later stream.
    public mutating func add(_ other: JSONLinesIngestSummary) {
        seconds += other.seconds
        counts.merge(other.counts, uniquingKeysWith: +)
        invalid += other.invalid
    }

    private enum CodingKeys: String, CodingKey {
        case updates, seconds, updatesPerSecond = "updates_per_second", outcomes, invalid
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(updates, forKey: .updates)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(updatesPerSecond, forKey: .updatesPerSecond)
        try container.encode(
            Dictionary(uniqueKeysWithValues: ProgressOutcome.Kind.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
            forKey: .outcomes)
        try container.encode(invalid, forKey: .invalid)
    }
}
