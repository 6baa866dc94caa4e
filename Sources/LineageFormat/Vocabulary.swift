/// A value of a string-valued vocabulary. A closed vocabulary (the statuses) admits only the values this
/// version names, and a record holding another is invalid; an open one (the types) keeps values this version
/// does not name as they are, so a record written by a newer library survives a rewrite.
public protocol Vocabulary: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral
where RawValue == String {
    /// Creates a value from its spelling.
    init(rawValue: String)
    /// The values this version knows.
    static var known: [Self] { get }
    /// Whether only ``known`` values (and the empty string, unspecified) are valid in a record.
    static var isClosed: Bool { get }
}

extension Vocabulary {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }

    /// Why `self`, the value of the field `name`, is invalid: a value a closed vocabulary does not name.
    package func violation(_ name: String) -> String? {
        guard Self.isClosed, !rawValue.isEmpty, !Self.known.contains(self) else { return nil }
        return "field \(name) is \"\(rawValue)\", not one of \(Self.known.map(\.rawValue).joined(separator: ", "))"
    }
}
