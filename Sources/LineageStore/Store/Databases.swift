import LMDB
import LineageFormat

/// The named databases of a store file.
///
/// - `meta`: format description and counters.
/// - `records`: primary records, keyed `(kind, id…)`.
/// - `index`: every secondary index entry, keyed `(index id, value…, primary key…)`.
/// - `events`: append-only logs (page versions, timelines).
/// - `progress`: the jobs' progress records, keyed `(21, job id)` (since format 1.9).
/// - `changes`: the change feed, keyed `(22, sequence)` (since format 1.10).
struct Databases: Sendable {
    let meta: Database
    let records: Database
    let index: Database
    let events: Database
    /// `nil` only in a file of an earlier format opened read-only, which has none: its jobs keep their
    /// progress in their own records.
    let progress: Database?
    /// `nil` only in a file before 1.10 opened read-only, which has no change feed.
    let changes: Database?

    /// Every database, in the order above.
    var all: [Database] { [meta, records, index, events] + [progress, changes].compactMap { $0 } }

    /// The database a record type lives in.
    subscript(database: RecordDatabase) -> Database {
        switch database {
        case .records: records
        case .events: events
        case .meta: meta
        // A file without a feed reads as one with no entries: its `meta` holds no key of kind 22.
        case .changes: changes ?? meta
        }
    }

    /// The names of the databases, in the order above.
    static let names = ["meta", "records", "index", "events", "progress", "changes"]

    init(environment: Environment) throws {
        meta = try environment.openDatabase(Self.names[0])
        records = try environment.openDatabase(Self.names[1])
        index = try environment.openDatabase(Self.names[2])
        events = try environment.openDatabase(Self.names[3])
        progress = try Self.openAddedLater(Self.names[4], in: environment)
        changes = try Self.openAddedLater(Self.names[5], in: environment)
    }

    /// Opens (a writer: creates) a database that a later minor version added; `nil` when a reader opens a file
    /// of an earlier version, which has none.
    private static func openAddedLater(_ name: String, in environment: Environment) throws -> Database? {
        do {
            return try environment.openDatabase(name)
        } catch let error as LMDBError where error.code == .notFound && environment.options.readOnly {
            return nil
        }
    }
}
