import LineageFormat
import LineageStore

/// One PostgreSQL table the mirror writes: its name, its columns, the rows a record of its kind becomes there,
/// its indexes and how Citus distributes it. Every table starts with `store_id` and `lineage_key` (the record's
/// stored key in hex), which together name the record a row came from, so a change replaces or deletes exactly
/// its rows.
struct MirrorTable: Sendable {
    /// A column: its name, its SQL type, and the value it takes from a row's object.
    struct Column: Sendable {
        let name: String
        let type: SQLType
        /// The record field the column shows, when it shows one (a seed's column replaces that field's).
        let field: String?
        let value: @Sendable (JSONObject) -> JSONValue?

        /// A column showing field `field` (by default the one named like the column).
        init(_ name: String, _ type: SQLType, field: String? = nil) {
            self.name = name
            self.type = type
            let source = field ?? name
            self.field = source
            value = { $0[source] }
        }

        /// A column PostgreSQL fills from rows already written (``MirrorDerivations``): inserted `NULL`.
        static func derivedInPostgreSQL(_ name: String, _ type: SQLType) -> Column { Column(name, type) { _ in nil } }

        /// A column derived from the object by `value`; it replaces field `field`'s column when one is named.
        init(
            _ name: String, _ type: SQLType, replacing field: String? = nil,
            _ value: @escaping @Sendable (JSONObject) -> JSONValue?
        ) {
            self.name = name
            self.type = type
            self.field = field
            self.value = value
        }
    }

    /// An index: its name and what follows `ON table` (`(columns)` or `USING GIN (…)`).
    struct Index: Sendable {
        let name: String
        let definition: String
        let unique: Bool

        /// An index named `name` on `definition`; `unique` makes it a unique one.
        init(_ name: String, _ definition: String, unique: Bool = false) {
            self.name = name
            self.definition = definition
            self.unique = unique
        }
    }

    /// How Citus spreads the table over its nodes.
    enum Distribution: Sendable, Equatable {
        /// Sharded by a column, co-located with the other tables of that column's group.
        case column(String, colocatedWith: String?)
        /// Copied to every node (small tables every join needs).
        case reference
    }

    /// The table's name (the seeds' where a seed names the table).
    let name: String
    /// The record kind whose records fill it.
    let kind: RecordKind
    /// The columns after `store_id` and `lineage_key`.
    let columns: [Column]
    /// The objects one record (its export object) becomes, one per row.
    let expand: @Sendable (JSONObject) -> [JSONObject]
    /// The columns after `store_id` and `lineage_key` that the primary key also holds (a record spread over
    /// several rows tells them apart; Citus needs the distribution column in it).
    let keyColumns: [String]
    /// The indexes beyond the primary key: the seeds' (unique ones unique per store) and those the mirror's
    /// own statements need.
    let indexes: [Index]
    /// How Citus distributes it.
    let distribution: Distribution

    /// A table with one row per record of `type`: a column per field, named as the export names it and typed
    /// by its form, except where `seed` declares a column for that field (the seed's name and type); the
    /// seed's columns no field shows follow the fields. Times are `timestamps` (a seed's `TIMESTAMP` tables
    /// keep all their times without a zone).
    init<R: StoredRecord & FieldTableRecord>(
        _ name: String, _ type: R.Type, seed: [Column] = [], timestamps: SQLType = .timestamptz,
        indexes: [Index] = [], distribution: Distribution
    ) {
        let fields = R.fields.map { field in
            seed.first { $0.field == field.name }
                ?? Column(field.name, field.form == .timestamp ? timestamps : SQLType(field.form))
        }
        let added = seed.filter { column in !R.fields.contains { $0.name == column.field } }
        self.init(name, R.kind, fields + added, indexes: indexes, distribution: distribution, expand: { [$0] })
    }

    /// A table derived from records of `kind`: `expand` makes the object of each of a record's rows.
    init(
        _ name: String, _ kind: RecordKind, _ columns: [Column], keyColumns: [String] = [], indexes: [Index] = [],
        distribution: Distribution,
        expand: @escaping @Sendable (JSONObject) -> [JSONObject]
    ) {
        self.name = name
        self.kind = kind
        self.columns = columns
        self.expand = expand
        self.indexes = indexes
        self.distribution = distribution
        if case .column(let column, _) = distribution, !keyColumns.contains(column) {
            self.keyColumns = keyColumns + [column]
        } else {
            self.keyColumns = keyColumns
        }
    }

    /// The rows one record's export object becomes, each a value per column (`nil`: SQL NULL).
    func rows(_ object: JSONObject) -> [[JSONValue?]] {
        expand(object).map { row in columns.map { $0.value(row) } }
    }
}
