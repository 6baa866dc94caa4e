import LineageFormat

/// One progress update's outcome together with its job as the transaction that merged it committed it, so
/// a caller answering the update (the HTTP progress endpoint) needs no second read.
public struct ProgressReceipt: Sendable {
    /// What happened to the update.
    public var outcome: ProgressOutcome
    /// The job as committed with the update (with every update of the same group commit merged), or `nil`
    /// when there is none: an `invalid` or `unknown_job` outcome.
    public var job: JobRecord?

    /// Creates a receipt.
    public init(outcome: ProgressOutcome, job: JobRecord?) {
        self.outcome = outcome
        self.job = job
    }
}

extension ProgressReceipt {
    /// The receipt of an update refused before it is queued (its ``ProgressUpdate/problem``), or `nil` when it
    /// has none.
    init?(refusing update: ProgressUpdate) {
        guard let problem = update.problem else { return nil }
        self.init(outcome: ProgressOutcome(.invalid, problem), job: nil)
    }

    /// The receipt of the one update of a submission that asked for its job back, as merged.
    init(single merged: MergedSubmission) { self.init(outcome: merged.outcomes[0], job: merged.jobs[0]) }
}
