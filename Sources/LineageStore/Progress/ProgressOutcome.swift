/// What happened to one progress update. Nothing is ever dropped silently: every update gets one.
public struct ProgressOutcome: Sendable, Equatable, CustomStringConvertible {
    /// The kind of outcome.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        /// Merged.
        case applied
        /// Merged at least once: it had no `(reporter, seq)` key.
        case unkeyed
        /// Its key was seen before: nothing changed.
        case duplicate
        /// Its seq is older than its reporter's window: refused, nothing changed.
        case tooOld = "too_old"
        /// Merged, but its status arrived after a terminal status and was ignored (noted in the timeline).
        case late
        /// Its job does not exist and ingestion is strict: refused.
        case unknownJob = "unknown_job"
        /// Malformed: refused, with a message.
        case invalid

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The kind.
    public var kind: Kind
    /// Why, for `invalid` and `unknown_job`.
    public var message: String

    /// Creates an outcome.
    public init(_ kind: Kind, _ message: String = "") {
        self.kind = kind
        self.message = message
    }

    /// Whether the update changed the job.
    public var changedState: Bool { kind == .applied || kind == .unkeyed || kind == .late }

    public var description: String { message.isEmpty ? kind.rawValue : "\(kind.rawValue): \(message)" }
}

/// The outcomes of a batch, in input order, with counts per kind.
public struct IngestSummary: Sendable, Equatable {
    /// One outcome per input update, in order.
    public var outcomes: [ProgressOutcome]

    /// Creates a summary.
    public init(outcomes: [ProgressOutcome]) { self.outcomes = outcomes }

    /// How many updates got each kind of outcome (kinds with none are absent).
    public var counts: [ProgressOutcome.Kind: Int] {
        outcomes.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }
}
