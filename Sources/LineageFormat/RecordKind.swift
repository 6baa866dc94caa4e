/// The kind of a stored record: the second field of its envelope and the first element of its primary key.
///
/// Numbers are assigned in `Formats/README.md` and never reused.
public struct RecordKind: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The number stored on disk.
    public let rawValue: UInt16
    /// The snake_case name used in exports and messages.
    public let name: String

    /// Creates a kind; use the static members rather than new numbers.
    public init(_ rawValue: UInt16, _ name: String) {
        self.rawValue = rawValue
        self.name = name
    }

    public static func == (lhs: RecordKind, rhs: RecordKind) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { name }

    /// The file's format description, in the `meta` database.
    public static let formatInfo = RecordKind(1, "format_info")
    /// A distinct file content, keyed by SHA-256.
    public static let content = RecordKind(16, "content")
    /// A place where a content was seen.
    public static let sighting = RecordKind(17, "sighting")
    /// A stat-cache entry: a path's size, mtime and inode with the digests they last had.
    public static let statCache = RecordKind(18, "stat_cache")

    /// Every kind this version defines.
    public static let all: [RecordKind] = [.formatInfo, .content, .sighting, .statCache]

    /// The kind with number `rawValue`, or `nil` if this version does not define it.
    public static func known(_ rawValue: UInt16) -> RecordKind? { all.first { $0.rawValue == rawValue } }
}
