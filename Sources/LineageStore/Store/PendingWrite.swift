/// A ``LineageStore/write(_:)`` body waiting for the writer thread, and how its caller learns that the
/// transaction that ran it has committed (or failed).
final class PendingWrite: @unchecked Sendable {
    private var body: ((WriteContext) throws -> Void)?
    private let completion: @Sendable (Result<Void, any Error>) -> Void

    /// Wraps `body`, which the writer thread runs (perhaps more than once, if the map grows); `completion`
    /// gets the transaction's result on the writer thread.
    init(
        _ body: @escaping (WriteContext) throws -> Void,
        completion: @escaping @Sendable (Result<Void, any Error>) -> Void
    ) {
        self.body = body
        self.completion = completion
    }

    /// Runs the body in `context`; called on the writer thread.
    func run(_ context: WriteContext) throws { try body?(context) }

    /// Drops the body, so nothing outlives the caller's frame, and hands the caller its result.
    func finish(_ result: Result<Void, any Error>) {
        body = nil
        completion(result)
    }
}
