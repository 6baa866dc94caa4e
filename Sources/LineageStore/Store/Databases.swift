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

    /// The names of the databases, in the order above.
    static let names = ["meta", "records", "index", "events"]

    init(environment: Environment) throws {
        meta = try environment.openDatabase(Self.names[0])
        records = try environment.openDatabase(Self.names[1])
        index = try environment.openDatabase(Self.names[2])
        events = try environment.openDatabase(Self.names[3])
    }
}
