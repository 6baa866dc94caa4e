/// The statements that create a mirror's tables when they are missing: each table with its primary key
/// (`store_id`, `lineage_key`, and the columns that tell a record's rows apart or distribute it) and its
/// indexes, and the position table; and, where the Citus extension is installed, the statements that
/// distribute them.
enum MirrorDDL {
    /// `CREATE … IF NOT EXISTS` for the schema, every table of ``MirrorSchema`` and its indexes, and the
    /// position table.
    static func statements(schema: String) -> [String] {
        var statements = ["CREATE SCHEMA IF NOT EXISTS \(schema)"]
        for table in MirrorSchema.tables {
            let columns = table.columns.map { "\"\($0.name)\" \($0.type.rawValue)" }
            let key = (["store_id", "lineage_key"] + table.keyColumns).map { "\"\($0)\"" }
            statements.append(
                "CREATE TABLE IF NOT EXISTS \(schema).\(table.name) (store_id TEXT NOT NULL, lineage_key TEXT NOT NULL, "
                    + columns.joined(separator: ", ") + ", PRIMARY KEY (\(key.joined(separator: ", "))))")
            for index in table.indexes {
                statements.append(
                    "CREATE \(index.unique ? "UNIQUE " : "")INDEX IF NOT EXISTS \(index.name) ON "
                        + "\(schema).\(table.name) \(index.definition)")
            }
        }
        statements.append(
            "CREATE TABLE IF NOT EXISTS \(schema).\(MirrorSchema.positionTable) (store_id TEXT PRIMARY KEY, "
                + "position BIGINT NOT NULL, updated_at TIMESTAMPTZ NOT NULL)")
        return statements
    }

    /// The Citus calls that distribute every table not yet distributed (each one `SELECT`, guarded by
    /// `pg_dist_partition` so that a second run does nothing), for a database where ``citusInstalled`` counts 1.
    static func citusStatements(schema: String) -> [String] {
        let distributions =
            MirrorSchema.tables.map { ($0.name, $0.distribution) }
            + [(MirrorSchema.positionTable, .column("store_id", colocatedWith: nil))]
        return distributions.map { name, distribution in
            let call: String
            switch distribution {
            case .reference: call = "create_reference_table('\(schema).\(name)')"
            case .column(let column, let group):
                let colocation = group.map { "'\(schema).\($0)'" } ?? "'none'"
                call = "create_distributed_table('\(schema).\(name)', '\(column)', colocate_with => \(colocation))"
            }
            return "SELECT \(call) WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition "
                + "WHERE logicalrelid = '\(schema).\(name)'::regclass)"
        }
    }

    /// Whether the connected database has the Citus extension.
    static let citusInstalled = "SELECT count(*) FROM pg_extension WHERE extname = 'citus'"
}
