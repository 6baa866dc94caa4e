/// The statements that create a mirror's tables when they are missing: each table keyed by `store_id` and
/// `lineage_key`, with an index on its seed's id column, and the position table.
enum MirrorDDL {
    /// `CREATE … IF NOT EXISTS` for the schema, every table of ``MirrorSchema`` and the position table.
    static func statements(schema: String) -> [String] {
        var statements = ["CREATE SCHEMA IF NOT EXISTS \(schema)"]
        for table in MirrorSchema.tables {
            let columns = table.columns.map { "\"\($0.name)\" \($0.type.rawValue)" }
            statements.append(
                "CREATE TABLE IF NOT EXISTS \(schema).\(table.name) (store_id TEXT NOT NULL, lineage_key TEXT NOT NULL, "
                    + columns.joined(separator: ", ") + ")")
            statements.append(
                "CREATE INDEX IF NOT EXISTS \(table.name)_lineage_key ON \(schema).\(table.name) (store_id, lineage_key)"
            )
            if let id = table.columns.first(where: { ["id", "import_id", "user_id", "document_id"].contains($0.name) })
            {
                statements.append(
                    "CREATE INDEX IF NOT EXISTS \(table.name)_\(id.name) ON \(schema).\(table.name) (\"\(id.name)\")")
            }
        }
        statements.append(
            "CREATE TABLE IF NOT EXISTS \(schema).\(MirrorSchema.positionTable) (store_id TEXT PRIMARY KEY, "
                + "position BIGINT NOT NULL, updated_at TIMESTAMPTZ NOT NULL)")
        return statements
    }
}
