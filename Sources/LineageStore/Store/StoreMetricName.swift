/// The names under which a store reports through swift-metrics, for a backend that configures its instruments
/// (histogram buckets, say). Nothing is reported unless the application bootstraps a metrics backend.
public enum StoreMetricName {
    /// Counter: progress updates by outcome (dimension `outcome`), counted when their transaction commits.
    public static let updates = "lineage_progress_updates_total"
    /// Timer: from the start of a group's transaction to its commit, `fsync` included.
    public static let commitDuration = "lineage_commit_duration_seconds"
    /// Histogram: progress updates per committed group.
    public static let commitUpdates = "lineage_commit_updates"
    /// Histogram: callers (progress submissions and write bodies) per committed group.
    public static let commitRequests = "lineage_commit_requests"
    /// Counter: groups whose transaction failed (every caller in them got the error).
    public static let failedCommits = "lineage_failed_commits_total"
    /// Gauge: updates and write bodies queued for the writer when it took its last group.
    public static let queueDepth = "lineage_writer_queue_depth"
}
