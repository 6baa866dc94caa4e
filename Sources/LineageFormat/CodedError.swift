/// The shape the package's errors share: a code to compare against, a message naming what failed, and the
/// error that caused it; described as `code: message (caused by: …)`.
public protocol CodedError: Error, Sendable, CustomStringConvertible {
    /// The kind of code.
    associatedtype Code: Hashable & Sendable & CustomStringConvertible
    /// What went wrong.
    var code: Code { get }
    /// What failed and where.
    var message: String { get }
    /// The error that caused this one, if any.
    var underlying: (any Error)? { get }
}

extension CodedError {
    /// `code: message`, followed by `(caused by: …)` when there is an underlying error.
    public var description: String {
        guard let underlying else { return "\(code): \(message)" }
        return "\(code): \(message) (caused by: \(underlying))"
    }
}
