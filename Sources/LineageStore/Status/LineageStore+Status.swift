extension LineageStore {
    /// ``Snapshot/status(limit:)`` in a snapshot of its own.
    public func status(limit: Int = 20) throws -> StatusReport { try read { try $0.status(limit: limit) } }
}
