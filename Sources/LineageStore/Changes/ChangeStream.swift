/// The change feed from a position on, as an asynchronous sequence (``LineageStore/changeStream(after:follow:chunk:pollInterval:)``):
/// every entry after the position in order, read in chunks, each chunk in one snapshot.
public struct ChangeStream: AsyncSequence, Sendable {
    public typealias Element = StoreChange

    let store: LineageStore
    let start: UInt64
    let follow: Bool
    let chunk: Int
    let pollInterval: Duration

    public func makeAsyncIterator() -> Iterator {
        Iterator(stream: self, position: start)
    }

    /// Reads the feed a chunk at a time, waiting for new entries when it follows.
    public struct Iterator: AsyncIteratorProtocol {
        let stream: ChangeStream
        /// The sequence of the last entry returned.
        var position: UInt64
        /// The rest of the current chunk, last entry first.
        var buffered: [StoreChange] = []

        /// The next entry; `nil` at the end of the feed unless following, when it waits for one.
        /// - Throws: as ``Snapshot/changes(after:limit:)``; `CancellationError` when the task is cancelled.
        public mutating func next() async throws -> StoreChange? {
            while buffered.isEmpty {
                try Task.checkCancellation()
                buffered = try stream.store.changes(after: position, limit: Swift.max(1, stream.chunk)).reversed()
                if buffered.isEmpty {
                    guard stream.follow else { return nil }
                    try await Task.sleep(for: stream.pollInterval)
                }
            }
            let change = buffered.removeLast()
            position = change.sequence
            return change
        }
    }
}
