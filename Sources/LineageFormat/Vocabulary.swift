/// A value of an open, string-valued vocabulary: statuses and types. Values this version does not name are
/// kept as they are, so a record written by a newer library survives a rewrite.
public protocol Vocabulary: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral
where RawValue == String {
    /// Creates a value from its spelling.
    init(rawValue: String)
    /// The values this version knows.
    static var known: [Self] { get }
}

extension Vocabulary {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
}
