import LineageFormat
import LineageStore

/// One PostgreSQL transaction's worth of mirroring, made ready away from the connection: the statements (with
/// their text parameters) that bring one store's rows up to a position of its change feed, which the mirror
/// runs in one transaction together with the new position.
struct MirrorBatch: Sendable {
    /// A statement and its parameters (`nil`: SQL NULL).
    struct Statement: Sendable {
        let sql: String
        let values: [String?]
    }

    /// How many changes (records, for a whole copy) the batch applies.
    let count: Int
    /// The feed's sequence the batch brings PostgreSQL up to.
    let position: UInt64
    /// The statements, in order.
    let statements: [Statement]

    /// Replaces the rows of every record `changes` name with the rows of the record as it is now (none for a
    /// deleted one), then refreshes the derived columns of the jobs they touch.
    init(changes: [(change: StoreChange, storedKey: [UInt8], object: JSONObject?)], storeID: String, schema: String) {
        var latest: [String: (change: StoreChange, object: JSONObject?)] = [:]
        for entry in changes { latest[Hex.encode(entry.storedKey)] = (entry.change, entry.object) }
        let keysByKind = Dictionary(grouping: latest.keys) { latest[$0]!.change.kind }
        let statements = MirrorSchema.tables.compactMap { table -> Statement? in
            guard let keys = keysByKind[table.kind] else { return nil }
            return Statement(
                sql: "DELETE FROM \(schema).\(table.name) WHERE store_id = $1 "
                    + "AND lineage_key IN (SELECT jsonb_array_elements_text($2::jsonb))",
                values: [storeID, JSONValue.array(keys.map { .string($0) }).jsonText()])
        }
        let records = latest.compactMap { key, entry -> MirroredRecord? in
            guard entry.change.operation == .put, let object = entry.object else { return nil }
            return MirroredRecord(kind: entry.change.kind, key: key, object: object)
        }
        func jobs(_ kind: RecordKind) -> Set<String> {
            Set(
                latest.values.compactMap { entry in
                    guard entry.change.kind == kind, case .string(let id)? = entry.change.key.first else { return nil }
                    return id
                })
        }
        self.count = changes.count
        position = changes.last?.change.sequence ?? 0
        self.statements =
            statements + Self.inserts(records, storeID: storeID, schema: schema)
            + Self.derivations(jobs: jobs(.event).subtracting(jobs(.job)), storeID: storeID, schema: schema)
    }

    /// Replaces every row of the store with `records`, read in one snapshot whose feed ends at `position`.
    init(copying records: [MirroredRecord], position: UInt64, storeID: String, schema: String) {
        count = records.count
        self.position = position
        statements =
            MirrorSchema.tables.map {
                Statement(sql: "DELETE FROM \(schema).\($0.name) WHERE store_id = $1", values: [storeID])
            }
            + Self.inserts(records, storeID: storeID, schema: schema)
            + Self.derivations(jobs: [], storeID: storeID, schema: schema)
    }

    /// Inserts the rows of `records` into their tables, job events first (the jobs' rows aggregate them): each
    /// statement takes up to 5,000 rows as one JSON array of rows (a row an array of its key and its values as
    /// text), which PostgreSQL unpacks and casts, so that statements stay small to parse and bind whatever the
    /// number of rows.
    private static func inserts(_ records: [MirroredRecord], storeID: String, schema: String) -> [Statement] {
        let order = MirrorSchema.tables.filter { $0.kind == .event } + MirrorSchema.tables.filter { $0.kind != .event }
        let recordsByKind = Dictionary(grouping: records, by: \.kind)
        return order.flatMap { table -> [Statement] in
            let rows = (recordsByKind[table.kind] ?? []).flatMap { record in
                table.rows(record.object).map { row in
                    JSONValue.array(
                        [.string(record.key)]
                            + zip(table.columns, row).map { column, value in
                                column.type.text(value).map(JSONValue.string) ?? .null
                            })
                }
            }
            let columns = (["store_id", "lineage_key"] + table.columns.map(\.name)).map { "\"\($0)\"" }
            let positions = Dictionary(table.columns.enumerated().map { ($1.name, $0 + 1) }, uniquingKeysWith: { $1 })
            let values =
                ["$1", "r->>0"]
                + table.columns.enumerated().map { index, column in
                    let value = column.type.reading("r->>\(index + 1)")
                    return MirrorDerivations.inserting(
                        table: table.name, column: column.name, value: value, schema: schema,
                        read: { "(r->>\(positions[$0] ?? 0))" }) ?? value
                }
            let sql =
                "INSERT INTO \(schema).\(table.name) (\(columns.joined(separator: ", "))) SELECT "
                + values.joined(separator: ", ") + " FROM jsonb_array_elements($2::jsonb) AS r"
            return stride(from: 0, to: rows.count, by: 5_000).map { start in
                let batch = JSONValue.array(Array(rows[start..<min(rows.count, start + 5_000)]))
                return Statement(sql: sql, values: [storeID, batch.jsonText()])
            }
        }
    }

    /// Refreshes the derived columns (``MirrorDerivations``) of `jobs` (those whose events changed while their
    /// rows did not) and the schedules' `is_crawling`.
    private static func derivations(jobs: Set<String>, storeID: String, schema: String) -> [Statement] {
        let selected = JSONValue.array(jobs.sorted().map { .string($0) }).jsonText()
        let crawling = Statement(sql: MirrorDerivations.crawling(schema: schema), values: [storeID])
        guard !jobs.isEmpty else { return [crawling] }
        return [
            Statement(sql: MirrorDerivations.timeline(schema: schema), values: [storeID, selected]),
            Statement(sql: MirrorDerivations.errors(schema: schema), values: [storeID, selected]), crawling,
        ]
    }
}
