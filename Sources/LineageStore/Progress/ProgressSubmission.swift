/// One caller's validated progress updates, as the writer queues them for the ``ProgressMerger``.
struct ProgressSubmission {
    /// The updates, in the order they arrived.
    let updates: [ProgressUpdate]
    /// Whether updates for unknown jobs are refused rather than creating the job.
    let strict: Bool
}
