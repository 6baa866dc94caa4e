import LineageFormat
import LineageStore

/// One PostgreSQL table the mirror writes: its name, its columns and their types, and the rows a record of its
/// kind becomes there. Every table starts with `store_id` and `lineage_key` (the record's stored key in hex),
/// which together name the record the row came from, so a change replaces or deletes exactly its rows.
struct MirrorTable: Sendable {
    /// A column: its name and SQL type.
    struct Column: Sendable {
        let name: String
        let type: SQLType
    }

    /// The SQL types the mirror uses, with how a bound text parameter becomes one.
    enum SQLType: String, Sendable {
        case text = "TEXT"
        case bigint = "BIGINT"
        case numeric = "NUMERIC(20)"
        case double = "DOUBLE PRECISION"
        case boolean = "BOOLEAN"
        case timestamp = "TIMESTAMPTZ"
        case jsonb = "JSONB"
        case textArray = "TEXT[]"

        /// The SQL expression that reads parameter `$n` (bound as text) as this type.
        func parameter(_ n: Int) -> String {
            switch self {
            case .text: "$\(n)::text"
            case .textArray: "ARRAY(SELECT jsonb_array_elements_text($\(n)::jsonb))"
            default: "$\(n)::\(rawValue.lowercased())"
            }
        }

        /// The column type of a record field of `form`.
        init(_ form: JSONForm) {
            switch form {
            case .text, .hex: self = .text
            case .integer: self = .bigint
            case .unsigned: self = .numeric
            case .double: self = .double
            case .boolean: self = .boolean
            case .timestamp: self = .timestamp
            case .document, .object, .objects: self = .jsonb
            case .texts: self = .textArray
            }
        }
    }

    /// The table's name (the seeds' where a seed names the table).
    let name: String
    /// The record kind whose records fill it.
    let kind: RecordKind
    /// The columns after `store_id` and `lineage_key`.
    let columns: [Column]
    /// The rows one record (its export object) becomes, each a value per column (`nil`: SQL NULL).
    let rows: @Sendable (JSONObject) -> [[JSONValue?]]

    /// A table with one row per record and a column per field of `type`, named as the export names them.
    init<R: StoredRecord & FieldTableRecord>(_ name: String, _ type: R.Type) {
        self.name = name
        kind = R.kind
        let fields = R.fields
        columns = fields.map { Column(name: $0.name, type: SQLType($0.form)) }
        rows = { object in [fields.map { object[$0.name] }] }
    }

    /// A table derived from records of `kind`: `rows` makes its rows.
    init(
        _ name: String, _ kind: RecordKind, _ columns: [Column],
        rows: @escaping @Sendable (JSONObject) -> [[JSONValue?]]
    ) {
        self.name = name
        self.kind = kind
        self.columns = columns
        self.rows = rows
    }

    /// `value` as the text parameter a column of `type` reads: JSON text for JSON and array columns, the value
    /// itself otherwise; `nil` (SQL NULL) for `null` or no value.
    static func text(_ value: JSONValue?, as type: SQLType) -> String? {
        guard let value, value != .null else { return nil }
        if type == .jsonb || type == .textArray { return value.jsonText() }
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .unsigned(let number): return String(number)
        default: return value.jsonText()
        }
    }
}
