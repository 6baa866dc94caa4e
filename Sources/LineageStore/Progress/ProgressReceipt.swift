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
