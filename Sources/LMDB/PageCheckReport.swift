/// A damaged page found by ``Environment/checkPages(limit:)``.
public struct PageProblem: Sendable, Equatable, CustomStringConvertible {
    /// The tree the page belongs to: `main`, `free pages`, or a named database in quotes.
    public var database: String
    /// The page number.
    public var page: UInt64
    /// What is wrong with it.
    public var message: String

    public var description: String { "\(database), page \(page): \(message)" }
}

/// What ``Environment/checkPages(limit:)`` found.
public struct PageCheckReport: Sendable {
    /// The damaged pages, at most the limit asked for.
    public var problems: [PageProblem]
    /// The pages reached (of an overflow run only the first is read: the rest hold the value's bytes).
    public var pagesChecked: Int

    /// Whether every page reached was sound.
    public var isClean: Bool { problems.isEmpty }
}
