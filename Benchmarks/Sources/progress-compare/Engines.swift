import CSQLite
import Dispatch
import Foundation
import LMDB
import LineageFormat
import LineageStore
import Synchronization

/// What one engine run measured.
struct EngineResult: Codable {
    var updates: Int
    var seconds: Double
    /// Acknowledgement latencies in microseconds: per submitted chunk, or per update one at a time.
    var latencies: [Double]
    var databaseBytes: Int
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Hands `workload` to `commit` 1,000 updates at a time, as the engines that batch themselves take it.
/// - Returns: the seconds it all took, and each chunk's commit latency in microseconds.
func timedChunks(of workload: Workload, _ commit: ([ProgressUpdate]) throws -> Void) rethrows
    -> (seconds: Double, latencies: [Double])
{
    var stream = UpdateStream(workload)
    var latencies: [Double] = []
    let started = now()
    while true {
        let chunk = stream.next(1_000)
        if chunk.isEmpty { break }
        let begun = now()
        try commit(chunk)
        latencies.append((now() - begun) * 1e6)
    }
    return (now() - started, latencies)
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
}

/// LineageStore: eight producer threads (a crawler fleet) submit 1,000-update chunks through the group-commit
/// writer, which commits whatever has queued in one transaction; its cache of stored jobs and windows holds at
/// most `writerCacheBytes`.
/// Stops the benchmark when `store` does not verify clean after its run (checked outside the timing).
func requireClean(_ store: LineageStore) throws {
    let report = try store.verify()
    guard report.isClean else {
        FileHandle.standardError.write(
            Data("verify found \(report.problems.count) problems: \(report.problems.prefix(3))\n".utf8))
        exit(1)
    }
}

func runLineageStore(
    _ workload: Workload, path: String, durability: Durability, writerCacheBytes: Int = StoreOptions().writerCacheBytes,
    progressEventPace: Int64 = StoreOptions().progressEventPace
) throws -> EngineResult {
    var options = StoreOptions()
    options.durability = durability
    options.writerCacheBytes = writerCacheBytes
    options.progressEventPace = progressEventPace
    options.mapSize = 1 << 30
    let store = try LineageStore.open(at: path, options: options)
    let stream = Mutex(UpdateStream(workload))
    let latencies = Mutex<[Double]>([])
    let done = DispatchGroup()
    let started = now()
    for _ in 0..<8 {
        done.enter()
        Thread {
            defer { done.leave() }
            while true {
                let chunk = stream.withLock { $0.next(1_000) }
                if chunk.isEmpty { return }
                let submitted = now()
                _ = try! store.ingest(chunk)
                let latency = (now() - submitted) * 1e6
                latencies.withLock { $0.append(latency) }
            }
        }.start()
    }
    done.wait()
    let seconds = now() - started
    try requireClean(store)
    store.close()
    return EngineResult(
        updates: workload.total, seconds: seconds, latencies: latencies.withLock { $0 }, databaseBytes: fileSize(path))
}

/// LineageStore, one caller awaiting each update.
func runLineageStoreOneAtATime(_ workload: Workload, path: String, durability: Durability) async throws -> EngineResult
{
    var options = StoreOptions()
    options.durability = durability
    let store = try LineageStore.open(at: path, options: options)
    var stream = UpdateStream(workload)
    var latencies: [Double] = []
    let started = now()
    while true {
        let chunk = stream.next(1_000)
        if chunk.isEmpty { break }
        for update in chunk {
            let submitted = now()
            _ = try await store.ingest(update)
            latencies.append((now() - submitted) * 1e6)
        }
    }
    let seconds = now() - started
    try requireClean(store)
    store.close()
    return EngineResult(updates: workload.total, seconds: seconds, latencies: latencies, databaseBytes: fileSize(path))
}

/// SQLite as a Swift team would use it: WAL, synchronous=NORMAL, the job's progress as one JSON document
/// updated in place with json_set, 1,000 updates per transaction.
func runSQLite(_ workload: Workload, path: String) throws -> EngineResult {
    var db: OpaquePointer?
    guard sqlite3_open(path, &db) == SQLITE_OK else { throw StoreError(.io, "cannot open \(path)") }
    defer { sqlite3_close(db) }
    func exec(_ sql: String) {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { fatalError(String(cString: sqlite3_errmsg(db))) }
    }
    exec("PRAGMA journal_mode=WAL")
    exec("PRAGMA synchronous=NORMAL")
    exec("CREATE TABLE progress (job_id TEXT PRIMARY KEY, doc TEXT NOT NULL)")
    exec("CREATE TABLE timeline (job_id TEXT NOT NULL, event TEXT NOT NULL, at TEXT NOT NULL, details TEXT)")
    let upsert = """
        INSERT INTO progress (job_id, doc) VALUES (?1, json_object(
            'processedItems', ?2, 'totalItems', ?3, 'currentDataType', ?4, 'lastProcessedId', ?5, 'stage', ?6,
            'operationType', ?7, 'status', ?8, 'itemsByType', json_object(?9, ?10)))
        ON CONFLICT(job_id) DO UPDATE SET doc = json_set(doc,
            '$.processedItems', max(json_extract(doc, '$.processedItems'), ?2),
            '$.totalItems', ?3, '$.currentDataType', ?4, '$.lastProcessedId', ?5, '$.stage', ?6,
            '$.operationType', ?7, '$.status', ?8,
            '$.itemsByType.' || ?9, coalesce(json_extract(doc, '$.itemsByType.' || ?9), 0) + ?10)
        """
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(db, upsert, -1, &statement, nil) == SQLITE_OK else {
        fatalError(String(cString: sqlite3_errmsg(db)))
    }
    defer { sqlite3_finalize(statement) }
    var insertEvent: OpaquePointer?
    sqlite3_prepare_v2(db, "INSERT INTO timeline VALUES (?1, ?2, ?3, ?4)", -1, &insertEvent, nil)
    defer { sqlite3_finalize(insertEvent) }
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    let (seconds, latencies) = timedChunks(of: workload) { chunk in
        exec("BEGIN")
        for update in chunk {
            let (type, delta) = update.itemsByType.first!
            sqlite3_bind_text(statement, 1, update.jobID, -1, transient)
            sqlite3_bind_int64(statement, 2, update.processedItems ?? 0)
            sqlite3_bind_int64(statement, 3, update.totalItems ?? 0)
            sqlite3_bind_text(statement, 4, update.currentDataType ?? "", -1, transient)
            sqlite3_bind_text(statement, 5, update.lastProcessedID ?? "", -1, transient)
            sqlite3_bind_text(statement, 6, update.stage ?? "", -1, transient)
            sqlite3_bind_text(statement, 7, update.operationType ?? "", -1, transient)
            sqlite3_bind_text(statement, 8, update.status?.rawValue ?? "", -1, transient)
            sqlite3_bind_text(statement, 9, type.string, -1, transient)
            sqlite3_bind_int64(statement, 10, delta)
            guard sqlite3_step(statement) == SQLITE_DONE else { fatalError(String(cString: sqlite3_errmsg(db))) }
            sqlite3_reset(statement)
            for event in update.timeline {
                sqlite3_bind_text(insertEvent, 1, update.jobID, -1, transient)
                sqlite3_bind_text(insertEvent, 2, event.event, -1, transient)
                sqlite3_bind_text(insertEvent, 3, Timestamp.format(update.timestamp ?? 0), -1, transient)
                sqlite3_bind_text(insertEvent, 4, event.details, -1, transient)
                sqlite3_step(insertEvent)
                sqlite3_reset(insertEvent)
            }
        }
        exec("COMMIT")
    }
    exec("PRAGMA wal_checkpoint(TRUNCATE)")
    return EngineResult(updates: workload.total, seconds: seconds, latencies: latencies, databaseBytes: fileSize(path))
}

/// The engine's ceiling: a raw LMDB read-modify-write loop, no record layer, no idempotency — each job's
/// progress a fixed binary struct plus its cursor — 1,000 updates per transaction.
func runRawLMDB(_ workload: Workload, path: String, durability: Durability, perTransaction: Int = 1_000) throws
    -> EngineResult
{
    let environment = try Environment.open(
        EnvironmentOptions(path: path, mapSize: 1 << 30, durability: durability))
    defer { environment.close() }
    let database = try environment.openDatabase("progress")
    let events = try environment.openDatabase("events")
    var stream = UpdateStream(workload)
    var latencies: [Double] = []
    var eventSequence: UInt64 = 0
    let started = now()
    var pending: [ProgressUpdate] = []
    while true {
        if pending.isEmpty { pending = stream.next(1_000) }
        if pending.isEmpty { break }
        let batch = pending.prefix(perTransaction)
        pending.removeFirst(batch.count)
        let begun = now()
        try environment.write { txn in
            for update in batch {
                let key = Array(update.jobID.utf8)
                // Layout: processed, total, 8 item counts (Int64 little-endian), then the cursor's UTF-8.
                var value = try txn.value(in: database, forKey: key) ?? [UInt8](repeating: 0, count: 80)
                value.withUnsafeMutableBytes { raw in
                    let fields = raw.baseAddress!.assumingMemoryBound(to: Int64.self)
                    fields[0] = max(fields[0], update.processedItems ?? 0)
                    fields[1] = update.totalItems ?? fields[1]
                    for (type, delta) in update.itemsByType {
                        fields[2 + Workload.itemTypes.firstIndex(of: type.string)!] += delta
                    }
                }
                value.replaceSubrange(80..., with: (update.lastProcessedID ?? "").utf8)
                try txn.put(value, forKey: key, in: database)
                for event in update.timeline {
                    eventSequence += 1
                    try txn.put(
                        Array(event.details.utf8),
                        forKey: key + withUnsafeBytes(of: eventSequence.bigEndian, Array.init), in: events)
                }
            }
        }
        latencies.append((now() - begun) * 1e6)
    }
    let seconds = now() - started
    return EngineResult(updates: workload.total, seconds: seconds, latencies: latencies, databaseBytes: fileSize(path))
}
