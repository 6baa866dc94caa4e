import Foundation
import LineageFormat
import Testing

@Suite struct RecordEnvelopeTests {
    static let sample = {
        var record = ContentRecord()
        record.sha256 = Array(repeating: 0xAB, count: 32)
        record.xxh3 = Array(repeating: 0x01, count: 16)
        record.size = 42
        record.firstSeenAt = 1_736_190_930_000_000
        record.lastSeenAt = 1_736_190_931_000_000
        record.seenCount = 2
        return record
    }()

    /// The records of `Formats/vectors/records.json`, built field by field as the vectors' text format says.
    static let expected: [String: any RecordCodable] = {
        var info = FormatInfo(major: 1, minor: 0, createdAt: 1_736_190_930_000_000, createdBy: "LineageStore 0.1.0")
        var zero = FormatInfo(major: 1, minor: 0, createdAt: 0, createdBy: "")
        var content = ContentRecord()
        content.sha256 = Array(0..<32)
        content.xxh3 = Array((240...255).reversed())
        content.size = 1 << 30
        content.firstSeenAt = -1
        content.lastSeenAt = .max
        content.seenCount = 3
        var sighting = SightingRecord()
        sighting.sha256 = [0]
        sighting.location = "a\0b"
        sighting.firstSeenAt = .min
        sighting.count = 1
        var stat = StatCacheRecord()
        stat.path = "/data/in.csv"
        stat.modifiedAtNanoseconds = -5
        stat.inode = .max
        stat.device = 2049
        stat.xxh3 = [0xFF]
        stat.hashedAt = 1
        stat.changedAtNanoseconds = 1_736_190_930_123_456_789
        _ = (info, zero)
        info.unknownFields = []
        zero.unknownFields = []
        var job = JobRecord()
        job.id = "job-42"
        job.websiteID = "site-1"
        job.processType = .sync
        job.status = .running
        job.startedAt = 1_736_190_930_000_000
        job.updatedAt = 1_736_190_931_000_000
        job.urlsDiscovered = 3
        job.urlsUpdated = 1
        job.batchIDs = ["b-1", "b-2"]
        job.errorCount = 1
        job.lastError = "timeout"
        job.metadata = #"{"trigger":"cron"}"#
        job.nextEventSequence = 2
        var page = PageRecord()
        page.id = "p1"
        page.websiteID = "site-1"
        page.url = "https://example.com/a?q=é"
        page.status = .active
        page.contentHash = Array(0..<16)
        page.createdByProcessID = "job-1"
        page.lastUpdatedByProcessID = "job-2"
        page.batchID = "b-2"
        page.createdAt = 1
        page.updatedAt = 2
        page.versionCount = 2
        var schedule = ScheduleRecord()
        schedule.userID = "u1"
        schedule.lastBatchCrawlAt = 1_736_190_930_000_000
        schedule.nextScheduledCrawlAt = 1_736_277_330_000_000
        schedule.frequencyHours = 24
        schedule.lastDurationSeconds = 12.5
        schedule.sourcesCrawled = 4
        schedule.sourcesFailed = 1
        schedule.leaseOwner = "crawler-a"
        schedule.leaseSince = 5
        schedule.leaseExpiresAt = 6
        schedule.leaseRecoveries = 1
        var stage = StageDefinitionRecord(
            "chunker", dependsOn: ["markdown-conversion", "markdown-optimizer"], maxRetries: 3, summary: "split")
        stage.position = 3
        var row = ImportRowRecord()
        row.importID = "imp-1"
        row.tableName = "customers"
        row.rowKey = "id=7"
        var apart = JobRecord()  // the job's own fields: its record apart from its progress
        apart.id = "job-7"
        apart.processType = .crawl
        apart.status = .completed
        apart.startedAt = 1
        apart.completedAt = 9
        var progress = apart
        progress.processedItems = 150
        progress.totalItems = 1000
        progress.stage = "data_collection"
        progress.itemsByType = ["pulls": -2, "issues": 50]
        progress.totalItemsStamp = LWWStamp(timestamp: 5, reporter: "crawler-a", seq: 17)
        progress.statusStamp = LWWStamp(timestamp: 9)
        progress.progressUpdates = 3
        progress.resumeState = #"{"page":7}"#
        progress.resumeStateStamp = LWWStamp(timestamp: 8, reporter: "crawler-a", seq: 16)
        progress.credentialStatus = .expired
        progress.credentialStatusChangedAt = 6
        progress.credentialStatusStamp = LWWStamp(timestamp: 6, reporter: "crawler-a", seq: 15)
        progress.pacedAt = 60_000_000
        var window = ReporterWindowRecord()
        window.jobID = "job-7"
        window.reporter = "crawler-a"
        window.highestSeq = 17
        window.seen = [0, 0, 0x03] + [UInt8](repeating: 0, count: 125)  // seqs 16 and 17 of the 1,024-seq ring
        window.applied = 2
        var inOrder = ReporterWindowRecord()
        inOrder.jobID = "job-7"
        inOrder.reporter = "crawler-a"
        inOrder.highestSeq = 17
        inOrder.applied = 17
        inOrder.runLength = 17  // seqs 1 to 17
        var withWindows = progress
        withWindows.reporterWindows = [inOrder, window].enumerated().map { index, window in
            var window = window
            window.jobID = ""
            window.reporter = index == 0 ? "crawler-a" : "crawler-b"
            return window
        }
        var output = StageOutputRecord()
        output.documentID = "doc-1"
        output.stage = "chunker"
        output.path = "doc-1/chunks.json"
        output.size = 2048
        output.mimeType = "application/json"
        output.createdAt = 7
        output.fileType = "chunks_json"
        var state = DocumentStageRecord()
        state.documentID = "doc-1"
        state.stage = "chunker"
        state.status = .completed
        state.startedAt = 3
        state.completedAt = 4
        state.retryCount = 1
        state.updatedAt = 4
        state.metadata = #"{"chunks":12}"#
        state.rerunCount = 2
        var workflow = WorkflowRecord()
        workflow.documentID = "doc-1"
        workflow.workflowType = .automatic
        workflow.totalStages = 5
        workflow.completedStages = 5
        workflow.currentStage = WorkflowRecord.completedStage
        workflow.createdAt = 1
        workflow.updatedAt = 9
        workflow.startedAt = 2
        workflow.completedAt = 9
        var run = StageRunRecord()
        run.documentID = "doc-1"
        run.sequence = 3
        run.stage = "fact-generator"
        run.status = .failed
        run.startedAt = 5
        run.completedAt = 6
        run.errorMessage = "rate limited"
        run.retryCount = 1
        run.rerunCount = 1
        var batch = CrawlBatchRecord()
        batch.userID = "u1"
        batch.sequence = 2
        batch.owner = "crawler-b"
        batch.startedAt = 10
        batch.completedAt = 55_000_010
        batch.durationSeconds = 45
        batch.outcome = .completed
        batch.sourcesCrawledCount = 4
        batch.sourcesFailedCount = 1
        batch.crawledSources = ["s1", "s2", "s3", "s4"]
        batch.failedSources = ["s5"]
        batch.recoveredLease = true
        let identified = FormatInfo(
            major: 1, minor: 10, createdAt: 1_736_190_930_000_000, createdBy: "LineageStore 0.1.0",
            storeID: "01943d0b-2c50-717a-8175-6f968967aa74", feedFromCreation: true)
        let jobChange = ChangeRecord(
            sequence: 300, recordKind: .job, recordKey: TupleCodec.encode([.int(2), .string("job-7")]),
            operation: .put, committedAt: 1_736_190_930_000_000)
        let rowDeletion = ChangeRecord(
            sequence: 301, recordKind: .importRow,
            recordKey: TupleCodec.encode([.int(8), .string("imp-1"), .int(0)]), operation: .delete,
            committedAt: 1_736_190_930_000_001)
        var consumer = ChangeConsumerRecord()
        consumer.name = "mirror"
        consumer.position = 299
        consumer.registeredAt = 1_736_190_900_000_000
        consumer.updatedAt = 1_736_190_930_000_000
        return [
            "format info with store id": identified, "change of a job": jobChange,
            "deletion of an import row": rowDeletion, "change consumer": consumer,
            "completed crawl batch after a takeover": batch,
            "document stage with metadata and reruns": state, "completed workflow": workflow,
            "failed stage run": run,
            "stage output with file type": output, "job with merged progress": progress, "reporter window": window,
            "job record apart from its progress": apart, "job progress record": withWindows,
            "reporter window as a run": inOrder,
            "format info": info, "format info with zero time": zero, "content": content,
            "sighting with NUL in location": sighting, "stat cache entry": stat,
            "job with batch ids and metadata": job, "page with content hash": page,
            "schedule with lease and duration": schedule, "stage definition with repeated dependencies": stage,
            "import row": row,
        ]
    }()

    static func decode(_ bytes: [UInt8], as type: any RecordCodable.Type) throws -> any RecordCodable {
        try type.init(record: bytes, context: "vector")
    }

    @Test func goldenRecordVectorsMatchByteForByte() throws {
        let document = try FormatsDirectory.json("records.json")
        let vectors = document["records"] as! [[String: Any]]
        #expect(vectors.count == Self.expected.count)
        for vector in vectors {
            let name = vector["name"] as! String
            let hex = vector["hex"] as! String
            let record = try #require(Self.expected[name], "no expectation for vector \(name)")
            if vector["kind"] as? Int == Int(RecordKind.jobProgress.rawValue) {
                let job = try #require(record as? JobRecord)
                #expect(job.encodedParts().progress.map(Hex.encode) == hex, "encoding of \(name)")
                var decoded = Self.expected["job record apart from its progress"] as! JobRecord
                try Hex.decode(hex)!.withUnsafeBytes { try decoded.mergeProgress(record: $0, context: "vector") }
                #expect(decoded == job, "a job read from its two records")
                #expect(job.encodedParts().record == decoded.encodedParts().record)
                continue
            }
            #expect(Hex.encode(record.encodedRecord()) == hex, "encoding of \(name)")
            let decoded = try Self.decode(Hex.decode(hex)!, as: type(of: record))
            #expect(Hex.encode(decoded.encodedRecord()) == hex, "re-encoding of \(name)")
            #expect(vector["kind"] as? Int == Int(type(of: record).kind.rawValue))
        }
    }

    @Test func unknownFieldsSurviveReadModifyWrite() throws {
        var writer = ProtoWriter()
        Self.sample.encodeFields(into: &writer)
        writer.write(99, string: "added by a newer schema")
        writer.write(100, fixed64: 7)
        let body = writer.bytes
        let future = Envelope.seal(kind: .content, schemaVersion: 2, body: body)
        var decoded = try ContentRecord(record: future, context: "content")
        #expect(decoded.size == 42)
        decoded.seenCount += 1
        let rewritten = try ContentRecord(record: decoded.encodedRecord(), context: "content")
        #expect(rewritten.seenCount == 3)
        #expect(rewritten.unknownFields == decoded.unknownFields)
        #expect(!rewritten.unknownFields.isEmpty)
        #expect(String(decoding: rewritten.unknownFields, as: UTF8.self).contains("added by a newer schema"))
    }

    @Test func everyFlippedBodyBitIsDetected() throws {
        let record = Self.sample.encodedRecord()
        for index in Envelope.size..<record.count {
            for bit in 0..<8 {
                var damaged = record
                damaged[index] ^= 1 << bit
                #expect {
                    try ContentRecord(record: damaged, context: "records key 10/abc")
                } throws: { error in
                    let error = error as! FormatError
                    return error.code == .checksumMismatch && error.message.contains("records key 10/abc")
                }
            }
        }
    }

    @Test func newerFormatVersionIsRefusedNamingBothVersions() {
        var record = Self.sample.encodedRecord()
        record[0] = FormatVersion.major + 1
        #expect {
            try ContentRecord(record: record, context: "content")
        } throws: { error in
            let error = error as! FormatError
            return error.code == .unsupportedFormatVersion
                && error.message.contains("version \(FormatVersion.major + 1)")
                && error.message.contains("up to version \(FormatVersion.major)")
        }
    }

    @Test func unknownFlagsWrongKindAndTruncationAreRefused() {
        var flagged = Self.sample.encodedRecord()
        flagged[1] = 0x80
        #expect { try ContentRecord(record: flagged, context: "c") } throws: {
            ($0 as? FormatError)?.code == .unknownFlags
        }
        let sighting = SightingRecord().encodedRecord()
        #expect { try ContentRecord(record: sighting, context: "c") } throws: { error in
            (error as? FormatError)?.code == .wrongKind && "\(error)".contains("sighting")
        }
        #expect { try ContentRecord(record: [1, 0, 0], context: "c") } throws: {
            ($0 as? FormatError)?.code == .truncated
        }
    }

    @Test func protocDecodesBodiesWithTheProtoSchema() throws {
        guard
            let protoc = ["/usr/bin/protoc", "/usr/local/bin/protoc"].first(where: FileManager.default.isExecutableFile)
        else { return }
        let bodyFile = FileManager.default.temporaryDirectory.appendingPathComponent("body-\(UUID()).bin")
        defer { try? FileManager.default.removeItem(at: bodyFile) }
        try Data(Self.sample.encodedBody()).write(to: bodyFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: protoc)
        process.arguments = ["--decode=lineagestore.v1.Content", "-I", FormatsDirectory.url.path, "lineagestore.proto"]
        process.standardInput = try FileHandle(forReadingFrom: bodyFile)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(text.contains("size: 42"))
        #expect(text.contains("seen_count: 2"))
        #expect(text.contains("first_seen_at: 1736190930000000"))
    }
}
