import LineageFormat

/// The operator's one screen (``Snapshot/status(limit:stalledAfter:)``): what is running, what failed in the last day,
/// what is due or stuck, and what is blocked, from one snapshot.
public struct StatusReport: Sendable, Encodable {
    /// When the report was taken.
    @RFC3339 public var at: Int64
    /// Running jobs, newest first.
    public var runningJobs: [JobRecord]
    /// Running jobs without an update for ``stalledAfterSeconds``, longest silent first.
    public var stalledJobs: [JobRecord]
    /// How long a running job went without an update to be listed as stalled.
    public var stalledAfterSeconds: Double
    /// Jobs that failed in the 24 hours before ``at``, newest first.
    public var failedJobs: [JobRecord]
    /// Schedules due at ``at`` and not being crawled, most overdue first.
    public var dueSchedules: [ScheduleRecord]
    /// Schedules whose lease expired without the batch completing: a crawler that died mid-batch.
    public var stuckLeases: [ScheduleRecord]
    /// Imports that failed in the 24 hours before ``at``, newest first.
    public var failedImports: [ImportRecord]
    /// How many imports failed in that period (``failedImports`` holds at most the limit).
    public var failedImportCount: Int
    /// Documents whose state at some stage is `failed`, in stage order.
    public var blockedDocuments: [DocumentStageRecord]

    private enum CodingKeys: String, CodingKey {
        case at, runningJobs = "running_jobs", stalledJobs = "stalled_jobs", stalledAfterSeconds =
            "stalled_after_seconds"
        case failedJobs = "failed_jobs", dueSchedules = "due_schedules"
        case stuckLeases = "stuck_leases", failedImports = "failed_imports", failedImportCount = "failed_import_count"
        case blockedDocuments = "blocked_documents"
    }
}
