import Foundation
import LineageFormat
import LineageStore
import Logging
import PostgresNIO

/// Mirrors one store into PostgreSQL in the seeds' own schema (``MirrorSchema``), exactly once: each chunk of
/// the change feed is applied in one PostgreSQL transaction that also records the store's position in
/// `lineage_mirror_position`, so a crash of either side neither loses nor repeats a change.
///
/// A change replaces (or deletes) every row its record has, found by `store_id` and `lineage_key`. A store
/// whose feed does not reach back to its first write (a file upgraded to 1.10, or entries pruned past the
/// mirror's position) is first copied whole, from one snapshot taken with the feed's last sequence.
public struct PostgresMirror: Sendable {
    let store: LineageStore
    let target: MirrorTarget
    /// How many changes one PostgreSQL transaction applies.
    let chunk: Int
    /// The change consumer the store keeps entries for until the mirror has applied them, if any.
    let consumer: String?
    private let logger = Logger(label: "lineage.mirror")

    /// A mirror of `store` into `target`, `chunk` changes per transaction. With a `consumer` name (the store
    /// then open for writing), the store registers that consumer and moves it after each PostgreSQL commit, so
    /// retention never prunes a change the mirror has not applied.
    public init(store: LineageStore, target: MirrorTarget, chunk: Int = 1_000, consumer: String? = nil) {
        self.store = store
        self.target = target
        self.chunk = max(1, chunk)
        self.consumer = consumer
    }

    /// The consumer name `lineage mirror` uses for `target`: one per database and schema.
    public static func consumerName(for target: MirrorTarget) -> String {
        String("mirror \(target.description) \(target.schema)".utf8.prefix(200)) ?? "mirror"
    }

    /// Connects, creates the tables if missing, and applies every change after the stored position; with
    /// `follow`, keeps applying new ones every `pollInterval` until the task is cancelled.
    /// - Returns: what the run applied.
    /// - Throws: ``MirrorError`` naming the failed statement or connection; the store's errors as they are.
    public func run(follow: Bool = false, pollInterval: Duration = .milliseconds(200)) async throws -> MirrorReport {
        let connection = try await connect()
        do {
            let report = try await run(on: connection, follow: follow, pollInterval: pollInterval)
            try await connection.close()
            return report
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private func run(on connection: PostgresConnection, follow: Bool, pollInterval: Duration) async throws
        -> MirrorReport
    {
        try await execute(MirrorDDL.statements(schema: target.schema), on: connection)
        if try await count(MirrorDDL.citusInstalled, on: connection) > 0 {
            try await execute(MirrorDDL.citusStatements(schema: target.schema), on: connection)
        }
        let stored = try await storedPosition(on: connection)
        var report = MirrorReport(storeID: store.formatInfo.storeID, applied: 0, position: stored ?? 0)
        try await holdConsumer(at: report.position)
        // Without a position, a store whose feed does not name every record it holds is copied first.
        if stored == nil,
            try !store.formatInfo.feedFromCreation || store.read({ try $0.changeBounds()?.lowerBound ?? 1 }) != 1
        {
            try await copyWhole(on: connection, into: &report)
        }
        while true {
            try Task.checkCancellation()
            let changes: [StoreChange]
            do { changes = try store.changes(after: report.position, limit: chunk) } catch let error as StoreError
                where error.code == .pruned
            {
                try await copyWhole(on: connection, into: &report)
                continue
            }
            guard let last = changes.last else {
                try await run(MirrorDerivations.crawling(schema: target.schema), [report.storeID], on: connection)
                guard follow else { return report }
                try await Task.sleep(for: pollInterval)
                continue
            }
            try await transaction(on: connection) {
                try await apply(changes, on: connection)
                try await record(position: last.sequence, on: connection)
            }
            report.applied += changes.count
            report.position = last.sequence
            try await holdConsumer(at: last.sequence)
        }
    }

    /// Registers the mirror's consumer at `position`, or moves it there (after a commit in PostgreSQL, so it
    /// never passes what PostgreSQL holds).
    private func holdConsumer(at position: UInt64) async throws {
        guard let consumer else { return }
        _ = try await store.write { context in
            if try context.changeConsumer(consumer) == nil {
                try context.registerChangeConsumer(consumer, at: position)
            } else {
                try context.moveChangeConsumer(consumer, to: position)
            }
        }
    }

    /// Replaces every row of this store with the records of one snapshot, and the position with the feed's
    /// last sequence in that snapshot, in one transaction.
    private func copyWhole(on connection: PostgresConnection, into report: inout MirrorReport) async throws {
        let (records, last) = try store.read { snapshot in
            (try MirrorSchema.kinds.flatMap { try $0.mirroredRecords(in: snapshot) }, try snapshot.lastChangeSequence())
        }
        try await transaction(on: connection) {
            for table in MirrorSchema.tables {
                try await run(
                    "DELETE FROM \(target.schema).\(table.name) WHERE store_id = $1", [report.storeID], on: connection)
            }
            try await insert(records, on: connection)
            try await derive(jobs: nil, on: connection)
            try await record(position: last, on: connection)
        }
        report.applied += records.count
        report.position = last
        try await holdConsumer(at: last)
    }

    /// Fills the derived columns (``MirrorDerivations``) of the jobs named (all when `nil`) and the schedules.
    private func derive(jobs: Set<String>?, on connection: PostgresConnection) async throws {
        let storeID = store.formatInfo.storeID
        let selected = jobs.map { JSONValue.array($0.sorted().map { .string($0) }).jsonText() }
        if selected == nil || jobs?.isEmpty == false {
            try await run(MirrorDerivations.timeline(schema: target.schema), [storeID, selected], on: connection)
            try await run(MirrorDerivations.errors(schema: target.schema), [storeID, selected], on: connection)
        }
        try await run(MirrorDerivations.crawling(schema: target.schema), [storeID], on: connection)
    }

    /// Replaces the rows of every record `changes` name with the rows of the record as it is now (none for a
    /// deleted one).
    private func apply(_ changes: [StoreChange], on connection: PostgresConnection) async throws {
        var latest: [String: StoreChange] = [:]
        for change in changes { latest[MirroredRecord.key(change.kind, change.key)] = change }
        for table in MirrorSchema.tables {
            let keys = latest.filter { $0.value.kind == table.kind }.map(\.key)
            guard !keys.isEmpty else { continue }
            try await run(
                "DELETE FROM \(target.schema).\(table.name) WHERE store_id = $1 "
                    + "AND lineage_key IN (SELECT jsonb_array_elements_text($2::jsonb))",
                [store.formatInfo.storeID, JSONValue.array(keys.map { .string($0) }).jsonText()], on: connection)
        }
        let records = try latest.values.compactMap { change -> MirroredRecord? in
            guard change.operation == .put, let text = change.record else { return nil }
            guard case .object(let object) = try JSONScanner.value(Array(text.utf8)) else { return nil }
            return MirroredRecord(kind: change.kind, key: MirroredRecord.key(change.kind, change.key), object: object)
        }
        try await insert(records, on: connection)
        let jobs = latest.values.filter { $0.kind == .job || $0.kind == .event }.compactMap { change -> String? in
            if case .string(let id)? = change.key.first { id } else { nil }
        }
        try await derive(jobs: Set(jobs), on: connection)
    }

    /// Inserts the rows of `records` into their tables: each statement takes up to 5,000 rows as one JSON
    /// array of rows (a row an array of its key and its values as text), which PostgreSQL unpacks and casts, so
    /// that statements stay small to parse and bind whatever the number of rows.
    private func insert(_ records: [MirroredRecord], on connection: PostgresConnection) async throws {
        let storeID = store.formatInfo.storeID
        for table in MirrorSchema.tables {
            let rows = records.filter { $0.kind == table.kind }.flatMap { record in
                table.rows(record.object).map { row in
                    JSONValue.array(
                        [.string(record.key)]
                            + zip(table.columns, row).map { column, value in
                                column.type.text(value).map(JSONValue.string) ?? .null
                            })
                }
            }
            let columns = (["store_id", "lineage_key"] + table.columns.map(\.name)).map { "\"\($0)\"" }
            let values = ["$1", "r->>0"] + table.columns.enumerated().map { $1.type.reading("r->>\($0 + 1)") }
            let statement =
                "INSERT INTO \(target.schema).\(table.name) (\(columns.joined(separator: ", "))) SELECT "
                + values.joined(separator: ", ") + " FROM jsonb_array_elements($2::jsonb) AS r"
            for start in stride(from: 0, to: rows.count, by: 5_000) {
                let batch = JSONValue.array(Array(rows[start..<min(rows.count, start + 5_000)]))
                try await run(statement, [storeID, batch.jsonText()], on: connection)
            }
        }
    }

    /// The position stored for this store, or `nil` when it has none (never mirrored).
    private func storedPosition(on connection: PostgresConnection) async throws -> UInt64? {
        let rows = try await query(
            "SELECT position FROM \(target.schema).\(MirrorSchema.positionTable) WHERE store_id = $1",
            [store.formatInfo.storeID], on: connection)
        for try await row in rows { return UInt64(try row.decode(Int64.self)) }
        return nil
    }

    /// The number the one-row, one-column `sql` answers.
    private func count(_ sql: String, on connection: PostgresConnection) async throws -> Int64 {
        for try await row in try await query(sql, [], on: connection) { return try row.decode(Int64.self) }
        return 0
    }

    /// Records `position` as the last sequence applied.
    private func record(position: UInt64, on connection: PostgresConnection) async throws {
        try await run(
            "INSERT INTO \(target.schema).\(MirrorSchema.positionTable) (store_id, position, updated_at) "
                + "VALUES ($1, $2::bigint, clock_timestamp()) ON CONFLICT (store_id) DO UPDATE SET position = EXCLUDED.position, "
                + "updated_at = EXCLUDED.updated_at",
            [store.formatInfo.storeID, String(position)], on: connection)
    }

    /// Runs `body` between `BEGIN` and `COMMIT`, rolling back when it throws.
    private func transaction(on connection: PostgresConnection, _ body: () async throws -> Void) async throws {
        try await run("BEGIN", [], on: connection)
        do {
            try await body()
            try await run("COMMIT", [], on: connection)
        } catch {
            try? await run("ROLLBACK", [], on: connection)
            throw error
        }
    }

    private func execute(_ statements: [String], on connection: PostgresConnection) async throws {
        for statement in statements { try await run(statement, [], on: connection) }
    }

    /// Runs one statement with text parameters, discarding its rows.
    private func run(_ sql: String, _ values: [String?], on connection: PostgresConnection) async throws {
        let rows = try await query(sql, values, on: connection)
        for try await _ in rows {}
    }

    private func query(_ sql: String, _ values: [String?], on connection: PostgresConnection) async throws
        -> PostgresRowSequence
    {
        var bindings = PostgresBindings()
        for value in values {
            if let value { bindings.append(value) } else { bindings.appendNull() }
        }
        do {
            return try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        } catch let error as PSQLError {
            throw MirrorError(
                "PostgreSQL (\(target.description)) refused \(sql.prefix(80))…: "
                    + (error.serverInfo?[.message] ?? String(reflecting: error)))
        }
    }

    private func connect() async throws -> PostgresConnection {
        do {
            return try await PostgresConnection.connect(configuration: target.configuration, id: 1, logger: logger)
        } catch let error as PSQLError {
            throw MirrorError(
                "cannot connect to \(target.description): " + (error.serverInfo?[.message] ?? "\(error.code)"))
        }
    }
}
