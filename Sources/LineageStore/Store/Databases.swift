import LMDB
import LineageFormat

/// The named databases of a store file.
///
/// - `meta`: format description and counters.
/// - `records`: primary records, keyed `(kind, id…)`.
/// - `index`: every secondary index entry, keyed `(index id, value…, primary key…)`.
/// - `events`: append-only logs (page versions, timelines).
struct Databases: Sendable {
    let meta: Database
    let records: Database
    let index: Database
    let events: Database

    /// Every database, in the order above.
    var all: [Database] { [meta, records, index, events] }

    /// The database a record type lives in.
    subscript(database: RecordDatabase) -> Database {
        switch database {
        case .records: records
        case .events: events
        }
    }

    init(environment: Environment) throws {
        meta = try environment.openDatabase("meta")
        records = try environment.openDatabase("records")
        index = try environment.openDatabase("index")
        events = try environment.openDatabase("events")
    }
}
