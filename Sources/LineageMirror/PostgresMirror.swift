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
            try await apply(copyBatch(), on: connection, into: &report)
        }
        // The next chunk is read and made ready while PostgreSQL applies the current one.
        var next = prepare(after: report.position)
        do {
            while true {
                try Task.checkCancellation()
                let batch: MirrorBatch
                do { batch = try await next.value } catch let error as StoreError where error.code == .pruned {
                    try await apply(copyBatch(), on: connection, into: &report)
                    next = prepare(after: report.position)
                    continue
                }
                guard batch.count > 0 else {
                    try await run(MirrorDerivations.crawling(schema: target.schema), [report.storeID], on: connection)
                    guard follow else { return report }
                    try await Task.sleep(for: pollInterval)
                    next = prepare(after: report.position)
                    continue
                }
                next = prepare(after: batch.position)
                try await apply(batch, on: connection, into: &report)
            }
        } catch {
            _ = try? await next.value  // the store stays open until the read in flight is over
            throw error
        }
    }

    /// A task reading the chunk after `position` and making it ready for PostgreSQL.
    private func prepare(after position: UInt64) -> Task<MirrorBatch, any Error> {
        let (store, chunk, schema) = (store, chunk, target.schema)
        return Task.detached {
            let changes = try store.read { try $0.changeObjects(after: position, limit: chunk) }
            return MirrorBatch(changes: changes, storeID: store.formatInfo.storeID, schema: schema)
        }
    }

    /// Every record of one snapshot, as a batch replacing all of this store's rows, up to the feed's last
    /// sequence in that snapshot.
    private func copyBatch() throws -> MirrorBatch {
        let (records, last) = try store.read { snapshot in
            (try MirrorSchema.kinds.flatMap { try $0.mirroredRecords(in: snapshot) }, try snapshot.lastChangeSequence())
        }
        return MirrorBatch(copying: records, position: last, storeID: store.formatInfo.storeID, schema: target.schema)
    }

    /// Runs `batch` and records its position in one PostgreSQL transaction, then moves the store's consumer.
    private func apply(_ batch: MirrorBatch, on connection: PostgresConnection, into report: inout MirrorReport)
        async throws
    {
        try await transaction(on: connection) {
            for statement in batch.statements { try await run(statement.sql, statement.values, on: connection) }
            try await record(position: batch.position, on: connection)
        }
        report.applied += batch.count
        report.position = batch.position
        try await holdConsumer(at: batch.position)
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
