extension LineageStore {
    /// ``Snapshot/status(limit:stalledAfter:)`` in a snapshot of its own.
    public func status(limit: Int = 20, stalledAfter: Int64 = Snapshot.defaultStallTime) throws -> StatusReport {
        try read { try $0.status(limit: limit, stalledAfter: stalledAfter) }
    }
}
