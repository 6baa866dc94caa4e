/// What ``LineageStore/verify()`` found; its JSON form has snake_case keys.
public struct VerifyReport: Sendable, Equatable, Encodable {
    /// One inconsistency, naming the database and key where it is.
    public struct Problem: Sendable, Equatable, Encodable, CustomStringConvertible {
        /// The named database (`meta`, `records`, `index`, `events`).
        public var database: String
        /// The key, as a readable tuple.
        public var key: String
        /// What is wrong.
        public var message: String

        public var description: String { "\(database) \(key): \(message)" }
    }

    /// Records checked in `records` and `events`.
    public var recordsChecked = 0
    /// Index entries checked.
    public var indexEntriesChecked = 0
    /// Every problem found, in database and key order.
    public var problems: [Problem] = []

    /// The report on a file that could not be checked record by record because the file itself is damaged
    /// (`error` is a ``StoreError/Code/damagedFile`` error, e.g. from opening a truncated file).
    public init(damagedFile error: StoreError) {
        problems = [Problem(database: "file", key: "", message: error.message)]
    }

    /// An empty report, to which a check adds what it counts and finds.
    public init() {}

    /// Whether nothing is wrong.
    public var isClean: Bool { problems.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case recordsChecked = "records_checked", indexEntriesChecked = "index_entries_checked", problems
    }
}
