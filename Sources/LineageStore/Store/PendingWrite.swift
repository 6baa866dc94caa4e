import Dispatch

/// A ``LineageStore/write(_:)`` body waiting for the writer thread, and the caller blocked until the
/// transaction that ran it has committed. The semaphore orders every access between the two threads.
final class PendingWrite: @unchecked Sendable {
    private var body: ((WriteContext) throws -> Void)?
    private var result: Result<Void, any Error>?
    private let done = DispatchSemaphore(value: 0)

    /// Wraps `body`, which the writer thread runs (perhaps more than once, if the map grows).
    init(_ body: @escaping (WriteContext) throws -> Void) { self.body = body }

    /// Runs the body in `context`; called on the writer thread.
    func run(_ context: WriteContext) throws { try body?(context) }

    /// Hands the caller its result and drops the body, so nothing outlives the caller's frame.
    func finish(_ result: Result<Void, any Error>) {
        self.result = result
        body = nil
        done.signal()
    }

    /// Blocks until ``finish(_:)``, then returns or throws the result.
    func wait() throws {
        done.wait()
        try result?.get()
    }
}
