import LineageFormat

extension JobRecord {
    /// Progress updates merged per minute between the job's first and newest update (the seed's "progress
    /// update frequency per job"); over at least one minute, so a young job's rate is not inflated.
    public var updatesPerMinute: Double {
        let minutes = max(1, Timestamp.seconds(from: startedAt, to: updatedAt) / 60)
        return Double(progressUpdates) / minutes
    }
}
