/// A ``LineageStore/write(_:)`` body waiting for the writer thread, and the caller blocked until the
/// transaction that ran it has committed.
final class PendingWrite: @unchecked Sendable {
    private var body: ((WriteContext) throws -> Void)?
    private let handoff = Handoff<Void>()

    /// Wraps `body`, which the writer thread runs (perhaps more than once, if the map grows).
    init(_ body: @escaping (WriteContext) throws -> Void) { self.body = body }

    /// Runs the body in `context`; called on the writer thread.
    func run(_ context: WriteContext) throws { try body?(context) }

    /// Drops the body, so nothing outlives the caller's frame, and hands the caller its result.
    func finish(_ result: Result<Void, any Error>) {
        body = nil
        handoff.finish(result)
    }

    /// Blocks until ``finish(_:)``, then returns or throws the result.
    func wait() throws { try handoff.wait() }
}
