import LMDB
import LineageFormat

/// The named databases of a store file.
///
/// - `meta`: format description and counters.
/// - `records`: primary records, keyed `(kind, id…)`.
/// - `index`: every secondary index entry, keyed `(index id, value…, primary key…)`.
/// - `events`: append-only logs (page versions, timelines).
/// - `progress`: the jobs' progress records, keyed `(21, job id)` (since format 1.9).
struct Databases: Sendable {
    let meta: Database
    let records: Database
    let index: Database
    let events: Database
    /// `nil` only in a file of an earlier format opened read-only, which has none: its jobs keep their
    /// progress in their own records.
    let progress: Database?

    /// Every database, in the order above.
    var all: [Database] { [meta, records, index, events] + (progress.map { [$0] } ?? []) }

    /// The database a record type lives in.
    subscript(database: RecordDatabase) -> Database {
        switch database {
        case .records: records
        case .events: events
        }
    }

    /// The names of the databases, in the order above.
    static let names = ["meta", "records", "index", "events", "progress"]

    init(environment: Environment) throws {
        meta = try environment.openDatabase(Self.names[0])
        records = try environment.openDatabase(Self.names[1])
        index = try environment.openDatabase(Self.names[2])
        events = try environment.openDatabase(Self.names[3])
        do {
            progress = try environment.openDatabase(Self.names[4])
        } catch let error as LMDBError where error.code == .notFound && environment.options.readOnly {
            progress = nil
        }
    }
}
