/// A mirror's failure that is not the store's: a bad URL, a PostgreSQL error, naming what failed.
public struct MirrorError: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
