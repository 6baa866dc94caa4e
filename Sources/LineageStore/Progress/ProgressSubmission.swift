import LineageFormat

/// One caller's validated progress updates, as the writer queues them for the ``ProgressMerger``.
struct ProgressSubmission {
    /// The updates, in the order they arrived.
    let updates: [ProgressUpdate]
    /// Whether updates for unknown jobs are refused rather than creating the job.
    let strict: Bool
    /// Whether the caller wants each update's job as committed (``ProgressReceipt``).
    var returnsJobs = false
}

/// What the merge gives one ``ProgressSubmission`` back.
struct MergedSubmission {
    /// One outcome per update, in order.
    var outcomes: [ProgressOutcome]
    /// With ``ProgressSubmission/returnsJobs``, each update's job as committed (`nil` where the update reached
    /// none); otherwise empty.
    var jobs: [JobRecord?] = []
}
