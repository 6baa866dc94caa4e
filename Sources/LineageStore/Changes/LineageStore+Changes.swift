import Foundation
import LineageFormat

extension LineageStore {
    /// The change-feed entries after `sequence`, at most `limit`; see ``Snapshot/changes(after:limit:)``.
    public func changes(after sequence: UInt64, limit: Int = 1_000) throws -> [StoreChange] {
        try read { try $0.changes(after: sequence, limit: limit) }
    }

    /// The change feed from `sequence` on, as an asynchronous sequence: every entry after it in order, read in
    /// chunks of `chunk`. Without `follow` it ends at the last entry committed when it gets there; with it, it
    /// waits for new commits (this process's or another's), looking every `pollInterval`, until the task is
    /// cancelled.
    ///
    /// ```swift
    /// for try await change in store.changeStream(after: consumer.position, follow: true) {
    ///     try apply(change)
    /// }
    /// ```
    /// - Throws (from the iteration): as ``Snapshot/changes(after:limit:)``, `.pruned` included.
    public func changeStream(
        after sequence: UInt64, follow: Bool = false, chunk: Int = 1_000, pollInterval: Duration = .milliseconds(100)
    ) -> ChangeStream {
        ChangeStream(store: self, start: sequence, follow: follow, chunk: chunk, pollInterval: pollInterval)
    }

    /// Hands the feed after `sequence` to `body` a chunk at a time, each chunk read in one snapshot, until `body`
    /// returns `false`, `limit` entries were handed over, or, without `follow`, the feed's end; following, it
    /// looks for new entries every `pollInterval`. As `consumer`, it starts after the consumer's position
    /// (unless `sequence` is given) and moves the consumer past each chunk once `body` has returned: a chunk is
    /// handed over at least once, and again only if the process stops before the move commits.
    /// - Throws: `.notFound` for an unknown consumer; as ``Snapshot/changes(after:limit:)``; what `body` throws.
    public func readChanges(
        after sequence: UInt64? = nil, as consumer: String? = nil, limit: Int = .max, chunk: Int = 1_000,
        follow: Bool = false, pollInterval: Duration = .milliseconds(100), _ body: ([StoreChange]) throws -> Bool
    ) throws {
        var position = try sequence ?? consumer.map(consumerPosition) ?? 0
        var remaining = limit
        while remaining > 0 {
            let changes = try self.changes(after: position, limit: max(1, min(chunk, remaining)))
            guard let last = changes.last else {
                guard follow else { return }
                let (seconds, attoseconds) = pollInterval.components
                Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
                continue
            }
            let goOn = try body(changes)
            position = last.sequence
            remaining -= changes.count
            if let consumer { try moveChangeConsumer(consumer, to: position) }
            guard goOn else { return }
        }
    }

    /// The position of consumer `name`.
    /// - Throws: `.notFound` when there is none.
    private func consumerPosition(_ name: String) throws -> UInt64 {
        guard let consumer = try read({ try $0.changeConsumer(name) }) else {
            throw StoreError(.notFound, "no change consumer named \(name); register it first")
        }
        return consumer.position
    }

    /// Registers a change consumer; see ``WriteContext/registerChangeConsumer(_:at:)``.
    @discardableResult
    public func registerChangeConsumer(_ name: String, at position: UInt64? = nil) throws -> ChangeConsumerRecord {
        try write { try $0.registerChangeConsumer(name, at: position) }
    }

    /// Moves a change consumer on; see ``WriteContext/moveChangeConsumer(_:to:)``.
    @discardableResult
    public func moveChangeConsumer(_ name: String, to position: UInt64) throws -> ChangeConsumerRecord {
        try write { try $0.moveChangeConsumer(name, to: position) }
    }

    /// Removes a change consumer; see ``WriteContext/removeChangeConsumer(_:)``.
    public func removeChangeConsumer(_ name: String) throws {
        try write { try $0.removeChangeConsumer(name) }
    }

    /// Removes old change-feed entries; see ``WriteContext/pruneChanges(through:force:)``.
    public func pruneChanges(through sequence: UInt64, force: Bool = false) throws -> ChangePruneReport {
        try write { try $0.pruneChanges(through: sequence, force: force) }
    }
}
