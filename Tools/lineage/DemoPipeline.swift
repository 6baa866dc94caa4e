import Foundation
import LineageFormat
import LineageStore
import Synchronization

/// The day `lineage demo` simulates. Time runs on a manual clock from 20 hours ago, so the database reads
/// like a day that just happened.
struct DemoPipeline {
    let path: String
    let scale: DemoCommand.Scale
    let clock: ManualClock

    init(path: String, scale: DemoCommand.Scale) {
        self.path = path
        self.scale = scale
        clock = ManualClock(start: SystemClock().now() - 20 * Timestamp.hour)
    }

    private func advance(minutes: Int64) { clock.advance(by: minutes * 60 * Timestamp.second) }

    func run() throws {
        var options = StoreOptions()
        options.clock = clock
        options.durability = .relaxed
        let store = try LineageStore.open(at: path, options: options)
        defer { store.close() }
        print("LineageStore demo — a day of a pipeline into \(store.path)\n")
        try schedulesAndSources(store)
        let pageID = try websites(store)
        let rate = try crawlerProgress(store)
        try imports(store)
        try documents(store)
        try store.sync()

        print("\n════ lineage status ════")
        print(try store.status().text(path: store.path))
        print("════ lineage pages trace \(pageID) ════")
        print(try store.trace(pageID: pageID).text)
        print("════ lineage jobs timeline crawl-1 ════")
        print(TextTable.timeline(try store.jobEvents("crawl-1", limit: 8)).render())
        print("════ lineage imports stats --days 1 ════")
        print(try store.importStatistics(days: 1).text)
        print("════ lineage stages graph --format mermaid ════")
        print(try store.stageGraph().mermaid)
        let report = try store.verify()
        print("════ lineage verify ════")
        print(
            "checked \(report.recordsChecked) records and \(report.indexEntriesChecked) index entries: "
                + (report.isClean ? "no problems" : "\(report.problems.count) problems"))
        print(
            String(
                format: "\nIngestion rate: %.0f progress updates/s (group commit, %@ updates).", rate,
                "\(scale.progressUpdates)"))
        print("Inspect it yourself: lineage status --db \(path); mdb_stat -n -a \(path)")
    }

    /// Three users with sources; one batch crawl crashes and its lease is recovered after it expires.
    private func schedulesAndSources(_ store: LineageStore) throws {
        print("1. Crawl schedules: three users, a crawler crashes mid-batch, its lease expires and is recovered")
        for (index, user) in ["alice", "bob", "carol"].enumerated() {
            try store.setSchedule(userID: user, frequencyHours: [24, 12, 6][index])
            for source in 0..<3 {
                try store.setSource(
                    userID: user, id: "\(user)-src-\(source)", name: "Source \(source)",
                    url: "https://\(user).example/feed/\(source)")
            }
        }
        let lease = 30 * 60 * Timestamp.second
        try store.startBatchCrawl(userID: "alice", owner: "crawler-7", lease: lease)
        advance(minutes: 10)
        do {
            try store.startBatchCrawl(userID: "alice", owner: "crawler-2", lease: lease)
        } catch let error as StoreError {
            print("   refused: \(error.message)")
        }
        advance(minutes: 25)
        let recovered = try store.startBatchCrawl(userID: "alice", owner: "crawler-2", lease: lease)
        print("   crawler-2 took over alice's expired lease (recoveries: \(recovered.leaseRecoveries))")
        try store.recordSourceCrawl(userID: "alice", sourceID: "alice-src-1", error: "HTTP 403 Forbidden")
        for source in [0, 2] { try store.recordSourceCrawl(userID: "alice", sourceID: "alice-src-\(source)") }
        advance(minutes: 4)
        let done = try store.completeBatchCrawl(userID: "alice", owner: "crawler-2")
        print(
            "   alice's batch done in \(Human.duration(done.lastDurationSeconds)): \(done.sourcesCrawled) crawled, "
                + "\(done.sourcesFailed) failed (counted from its source results); next crawl "
                + Human.time(done.nextScheduledCrawlAt))
        let history = try store.crawlHistory(userID: "alice")
        print(
            "   lineage schedules history alice: "
                + history.map { "\($0.owner) \($0.outcome.rawValue)" }.joined(separator: ", "))
        try store.startBatchCrawl(userID: "bob", owner: "crawler-3", lease: lease)
        advance(minutes: 3)
        try store.completeBatchCrawl(userID: "bob", owner: "crawler-3", sourcesCrawled: 3, sourcesFailed: 0)
        try store.startBatchCrawl(userID: "carol", owner: "crawler-9", lease: 5 * 60 * Timestamp.second)
    }

    /// Ingestion then sync of three websites; returns a page the sync failed, whose trace names the sync and
    /// the batch.
    private func websites(_ store: LineageStore) throws -> String {
        print("2. Websites: ingestion, then a sync that finds changed, unchanged, failed and deleted pages")
        var traced = ""
        for site in ["docs.acme.dev", "blog.acme.dev", "shop.acme.dev"] {
            let urls = (0..<scale.pagesPerWebsite).map { "https://\(site)/page/\($0)" }
            let ingestion = try store.startJob(
                websiteID: site, processType: .ingestion, metadata: #"{"trigger":"schedule"}"#)
            var created = 0
            var failed = 0
            for chunk in stride(from: 0, to: urls.count, by: 500) {
                let results = try store.recordPages(
                    urls[chunk..<min(chunk + 500, urls.count)].enumerated().map { offset, url in
                        chunk + offset == 7
                            ? PageObservation(websiteID: site, url: url, status: .error, error: "timeout after 30 s")
                            : PageObservation(
                                websiteID: site, url: url, contentHash: XXH3.hash128("\(url) v1"),
                                batchID: "fc-\(site)-1")
                    }, by: ingestion.id)
                created += results.count { $0.change == .created }
                failed += results.count { $0.change == .errored }
                advance(minutes: 1)
            }
            try store.completeJob(ingestion.id)
            advance(minutes: 90)
            let sync = try store.startJob(websiteID: site, processType: .sync)
            var observations: [PageObservation] = []
            for (index, url) in urls.enumerated() {
                switch index % 50 {
                case 0...4:
                    observations.append(
                        PageObservation(
                            websiteID: site, url: url, contentHash: XXH3.hash128("\(url) v2"), batchID: "fc-\(site)-2"))
                case 5:
                    observations.append(
                        PageObservation(
                            websiteID: site, url: url, status: .error, batchID: "fc-\(site)-2", error: "HTTP 503"))
                case 6: observations.append(PageObservation(websiteID: site, url: url, status: .deleted))
                default:
                    observations.append(
                        PageObservation(
                            websiteID: site, url: url, contentHash: XXH3.hash128("\(url) v1"), batchID: "fc-\(site)-2"))
                }
            }
            let updates = try store.recordPages(observations, by: sync.id)
            let changes = Dictionary(grouping: updates, by: \.change).mapValues(\.count)
            let finished = try store.updateJobStatus(
                sync.id, to: site.hasPrefix("shop") ? .failed : .completed,
                error: site.hasPrefix("shop") ? "proxy pool exhausted" : nil)
            print(
                "   \(site): ingestion created \(created) pages (\(failed) failed); sync \(finished.status): "
                    + PageChange.demoOrder.map { "\(changes[$0] ?? 0) \($0)" }.joined(separator: ", "))
            if traced.isEmpty {
                traced = updates[5].page.id
                let comparison = try store.compareJobs(ingestion.id, sync.id)
                print(
                    "   lineage jobs compare: \(comparison.onlyInFirst.count) pages only as the ingestion left them, "
                        + "\(comparison.onlyInSecond.count) only as the sync did, \(comparison.changed.count) changed, "
                        + "\(comparison.unchangedCount) unchanged")
            }
            advance(minutes: 30)
        }
        return traced
    }

    /// Crawlers stream progress updates with duplicates and reordering; returns the measured rate.
    private func crawlerProgress(_ store: LineageStore) throws -> Double {
        let total = scale.progressUpdates
        print("3. Crawler progress: \(total) updates from 4 crawlers for 40 jobs, 2 % duplicates, 5 % reordered")
        let start = clock.now()
        let next = Mutex((produced: 0, seqs: [UInt64](repeating: 0, count: 160), recent: [ProgressUpdate]()))
        let outcomes = Mutex([ProgressOutcome.Kind: Int]())
        let done = DispatchGroup()
        let began = Date()
        /// The next chunk of at most 1,000 updates numbered up to `limit`.
        @Sendable func produce(upTo limit: Int) -> [ProgressUpdate] {
            next.withLock { state in
                var chunk: [ProgressUpdate] = []
                while chunk.count < 1_000 && state.produced < limit {
                    state.produced += 1
                    let n = state.produced
                    if n % 50 == 0, !state.recent.isEmpty {
                        let repeated = state.recent[(n / 50) % state.recent.count]
                        chunk.append(repeated)
                        continue
                    }
                    let job = n % 40
                    let reporter = (n / 40) % 4
                    state.seqs[job * 4 + reporter] += 1
                    let type = [
                        "issues", "pulls", "commits", "comments", "reviews", "releases", "wikis", "tags",
                    ][n % 8]
                    var update = ProgressUpdate(
                        jobID: "crawl-\(job)", reporter: "crawler-\(reporter)",
                        seq: state.seqs[job * 4 + reporter],
                        timestamp: start + Int64(n) * 100_000,
                        status: n > total - 40 ? .completed : .processing,
                        processedItems: Int64(n / 40), totalItems: Int64(total / 40), currentDataType: type,
                        itemsByType: [ExactString(type): 1], lastProcessedID: "\(type)-\(n / 40)",
                        stage: "data_collection",
                        operationType: "incremental_sync")
                    if n % 5_000 == 0 {
                        update.timeline = [.init(event: "checkpoint", details: #"{"n":\#(n)}"#)]
                    }
                    if n % 20_011 == 0 {
                        update.error = .init(message: "rate limited by API", context: #"{"retry_after":30}"#)
                    }
                    chunk.append(update)
                    if state.recent.count < 64 {
                        state.recent.append(update)
                    } else {
                        state.recent[n % 64] = update
                    }
                    if chunk.count > 1 && n % 20 == 3 { chunk.swapAt(chunk.count - 1, chunk.count - 2) }
                }
                return chunk
            }
        }
        @Sendable func ingest(_ chunk: [ProgressUpdate]) throws {
            let summary = try store.ingest(chunk)
            outcomes.withLock { counts in
                for (kind, count) in summary.counts { counts[kind, default: 0] += count }
            }
        }
        let failure = Mutex<(any Error)?>(nil)
        // Four crawlers stream everything but the final updates; each job's completion comes last, after them,
        // so no crawler's earlier update can arrive after its job completed.
        for _ in 0..<4 {
            done.enter()
            Thread {
                defer { done.leave() }
                do {
                    while case let chunk = produce(upTo: total - 40), !chunk.isEmpty { try ingest(chunk) }
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }.start()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) { throw error }
        try ingest(produce(upTo: total))
        let seconds = Date().timeIntervalSince(began)
        clock.set(start + Int64(total) * 100_000)
        let counts = outcomes.withLock { $0 }
        print(
            "   \(Int(Double(total) / seconds)) updates/s; outcomes: "
                + ProgressOutcome.Kind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }
                .joined(separator: ", "))
        return Double(total) / seconds
    }

    /// Four CSV imports with row lineage: one fails, one is the same file again.
    private func imports(_ store: LineageStore) throws {
        print("4. Imports: four CSV files, one failure, one duplicate file detected by SHA-256, one rollback")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lineage-demo-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func csv(_ name: String, rows: Int) throws -> String {
            var text = "id,name,amount\n"
            for row in 0..<rows { text += "\(row),\(name)-\(row),\((row * 37) % 1000).\(row % 100)\n" }
            let file = directory.appendingPathComponent("\(name).csv")
            try Data(text.utf8).write(to: file)
            return file.path
        }
        let files = [("customers", 500), ("orders", 2_000), ("products", 300)]
        var imported: [ImportRecord] = []
        for (name, rows) in files {
            var start = ImportStart(tableName: name)
            start.filePath = try csv(name, rows: rows)
            start.fileType = "csv"
            start.userID = "alice"
            start.userEmail = "alice@acme.dev"
            start.mappingConfig = #"{"id":"\#(name)_id"}"#
            start.totalRows = rows
            let record = try store.startImport(start)
            advance(minutes: 2)
            if name == "products" {
                var failure = ImportCompletion(status: .failed)
                failure.errorMessage = "column 'amount' has text in row 17"
                failure.validationErrors = #"[{"row":17,"column":"amount","error":"not a number"}]"#
                try store.completeImport(record.id, failure)
                continue
            }
            try store.recordImportRows(record.id, rowKeys: (0..<rows).map { "\(name)_id=\($0)" })
            var success = ImportCompletion(status: .success)
            success.processedRows = rows
            success.insertedRows = rows
            success.parsingDurationSeconds = 0.4
            success.insertDurationSeconds = 1.1
            imported.append(try store.completeImport(record.id, success))
        }
        var again = ImportStart(tableName: "customers")
        again.filePath = directory.appendingPathComponent("customers.csv").path
        again.fileName = "customers (1).csv"
        again.userID = "bob"
        let duplicate = try store.startImport(again)
        try store.recordImportRows(duplicate.id, rowKeys: (0..<500).map { "customers_id=\($0)" })
        var success = ImportCompletion(status: .partial)
        success.processedRows = 500
        success.insertedRows = 0
        success.duplicatesFound = 500
        try store.completeImport(duplicate.id, success)
        for group in try store.duplicateImports() {
            print(
                "   duplicate file \(group.fileHash.prefix(12))… imported \(group.imports.count)×: "
                    + group.imports.map(\.fileName).joined(separator: ", "))
        }
        let rollback = try store.rollbackImport(duplicate.id)
        print("   rolled back \(duplicate.fileName): \(rollback.rows.count) rows handed back for deletion")
        let owner = try store.imports(ofTable: "orders", row: "orders_id=42")
        print(
            "   row orders_id=42 came from import \(owner.first?.id.prefix(8) ?? "?")… (\(owner.first?.fileName ?? "-"))"
        )
    }

    /// Twenty documents through the default stage DAG; one fails in the chunker and succeeds on retry, one is
    /// rerun from the chunker, one is deleted.
    private func documents(_ store: LineageStore) throws {
        print("5. Documents: 20 through the stage DAG; doc-03 fails in the chunker and succeeds on retry")
        try store.installDefaultPipeline()
        for index in 0..<20 {
            let id = String(format: "doc-%02d", index)
            try store.addDocument(id: id, title: "Handbook chapter \(index)", realm: "hr")
            let last = index < 14 ? 5 : index % 4  // the last six stop part-way
            for (position, stage) in StageDefinitionRecord.defaultPipeline.enumerated() where position < last {
                if stage.isOptional && index % 2 == 0 {
                    try store.skipStage(documentID: id, stage: stage.name)
                    continue
                }
                try store.startStage(documentID: id, stage: stage.name)
                advance(minutes: 1)
                if id == "doc-03" && stage.name == "chunker" {
                    try store.failStage(
                        documentID: id, stage: stage.name, error: "chunk larger than the model's context")
                    try store.startStage(documentID: id, stage: stage.name)
                }
                if id == "doc-17" && stage.name == "markdown-conversion" {
                    try store.failStage(documentID: id, stage: stage.name, error: "PDF is encrypted")
                    break
                }
                try store.completeStage(documentID: id, stage: stage.name)
            }
        }
        let waiting = try store.documents(atStage: "chunker").records.count
        print(
            "   \(waiting) documents waiting for the chunker; doc-03 retries: "
                + "\(try store.documentStages("doc-03").first { $0.stage == "chunker" }?.retryCount ?? 0)")
        let reset = try store.rerunStage(documentID: "doc-05", stage: "chunker")
        for stage in reset {
            try store.startStage(documentID: "doc-05", stage: stage.stage, metadata: #"{"chunker":"v2"}"#)
            advance(minutes: 1)
            try store.completeStage(documentID: "doc-05", stage: stage.stage)
        }
        let digests = FileDigests(
            size: 12, sha256: Array(repeating: 0x19, count: 32), xxh3: XXH3.hash128("doc-19 chunks"))
        try store.recordStageOutput(
            documentID: "doc-19", stage: "markdown-conversion",
            StageOutput(
                path: try StorageLayout.stageFile(
                    documentID: "doc-19", stage: "markdown-conversion", fileName: "chapter-19.md"),
                mimeType: "text/markdown", fileType: "markdown", source: .digests(digests)))
        let deleted = try store.deleteDocument("doc-19")
        print(
            "   doc-05 rerun from the chunker after a fix: \(reset.count) stages reset and run again, "
                + "\(try store.stageHistory(documentID: "doc-05").count) runs in its history; doc-19 deleted with "
                + "\(deleted.stagesRemoved) stages and \(deleted.outputsRemoved) output, nobody's file now: "
                + deleted.unreferencedFiles.joined(separator: ", "))
    }
}

extension PageChange {
    /// The order the demo reports changes in.
    static let demoOrder: [PageChange] = [.created, .changed, .unchanged, .errored, .deleted]
}
