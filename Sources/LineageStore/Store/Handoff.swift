import Dispatch

/// A result handed from the writer thread to a caller blocked on it; the semaphore orders every access
/// between the two threads.
final class Handoff<Value>: @unchecked Sendable {
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    /// Hands the caller its result; called once.
    func finish(_ result: Result<Value, any Error>) {
        self.result = result
        done.signal()
    }

    /// Blocks until ``finish(_:)``, then returns or throws the result.
    func wait() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
