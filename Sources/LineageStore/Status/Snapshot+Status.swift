import LineageFormat

extension Snapshot {
    /// How long a running job may go without an update before ``status(limit:stalledAfter:)`` lists it.
    public static let defaultStallTime = 10 * 60 * Timestamp.second

    /// The operator's screen at this snapshot's time: at most `limit` entries of each list; running jobs
    /// without an update for `stalledAfter` (microseconds) are listed as stalled.
    ///
    /// A lease is stuck when its owner is still recorded but it has expired: the crawler died mid-batch and
    /// the next ``WriteContext/startBatchCrawl(userID:owner:lease:)`` will recover it. Stuck schedules are
    /// listed there and not again among the due ones.
    public func status(limit: Int = 20, stalledAfter: Int64 = defaultStallTime) throws -> StatusReport {
        let day = now - Timestamp.day
        let schedules = try schedules()
        let stuck = schedules.filter { $0.leaseOwner != nil && !$0.isCrawling(at: now) }
        let due = try dueSchedules(at: now).filter { schedule in
            !stuck.contains { $0.userID.sameBytes(as: schedule.userID) }
        }
        let failedImports = try imports(ImportFilter(status: .failed, since: day), limit: limit)
        var blocked: [DocumentStageRecord] = []
        for stage in try stageGraph().stages where blocked.count < limit {
            blocked += try documents(atStage: stage.name, status: .failed, limit: limit - blocked.count).records
        }
        return StatusReport(
            at: now, runningJobs: try jobs(JobFilter(status: .running), limit: limit).records,
            stalledJobs: try stalledJobs(idleFor: stalledAfter, limit: limit),
            stalledAfterSeconds: Double(stalledAfter) / Double(Timestamp.second),
            failedJobs: try jobs(JobFilter(status: .failed, since: day), limit: limit).records,
            dueSchedules: Array(due.prefix(limit)), stuckLeases: Array(stuck.prefix(limit)),
            failedImports: failedImports.imports, failedImportCount: failedImports.total, blockedDocuments: blocked)
    }
}
