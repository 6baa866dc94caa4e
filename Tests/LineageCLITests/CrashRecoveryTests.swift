import Foundation
import LineageFormat
import LineageStore
import TestSupport
import Testing

@Suite struct CrashRecoveryTests {
    /// A crawl stream: keyed updates for 30 jobs from 4 reporters, with about 2% duplicates and 5% of updates
    /// swapped with a neighbour (reordered well inside the window), terminal statuses near the end.
    static func stream(count: Int, using random: inout SeededGenerator) -> Data {
        var lines: [String] = []
        var seqs: [String: Int] = [:]
        let start = 1_736_190_930_000
        for index in 0..<count {
            let job = "job-\(Int.random(in: 0..<30, using: &random))"
            let reporter = "crawler-\(Int.random(in: 0..<4, using: &random))"
            let seq = seqs["\(job)/\(reporter)", default: 0]
            seqs["\(job)/\(reporter)"] = seq + 1
            let millis = start + index * 7
            let time = Timestamp.format(Int64(millis) * 1_000)
            let status =
                index > count * 9 / 10 && Int.random(in: 0..<50, using: &random) == 0 ? "completed" : "processing"
            lines.append(
                #"{"jobId":"\#(job)","reporter":"\#(reporter)","seq":\#(seq),"timestamp":"\#(time)","status":"\#(status)","#
                    + #""processedItems":\#(index),"totalItems":\#(count),"lastProcessedId":"item-\#(index)","#
                    + #""itemsByType":{"t\#(index % 8)":\#(index % 5 + 1)},"timeline":[{"event":"tick"}]}"#)
            if Int.random(in: 0..<50, using: &random) == 0 { lines.append(lines[lines.count - 1]) }
        }
        for index in 1..<lines.count where Int.random(in: 0..<20, using: &random) == 0 {
            lines.swapAt(index - 1, index)
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Everything the merge decides: jobs (their reporters' windows included) and events without the store's
    /// own recording time.
    static func state(of path: String) throws -> (
        jobs: [JobRecord], events: [EventRecord]
    ) {
        var options = StoreOptions()
        options.readOnly = true
        let store = try LineageStore.open(at: path, options: options)
        defer { store.close() }
        return try store.read { snapshot in
            let events = try snapshot.records(EventRecord.self).map { event -> EventRecord in
                var event = event
                event.recordedAt = 0
                return event
            }
            return (try snapshot.records(JobRecord.self), events)
        }
    }

    /// The number of input lines the last `committed N lines of -` report of a killed `ingest` acknowledged.
    static func acknowledgedLines(_ errors: Pipe) -> Int {
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let last = text.split(separator: "\n").last { $0.hasPrefix("committed ") }
        return last.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
    }

    /// How many of the first `lines` lines of `stream` a copy of the database at `path` would still apply: none
    /// if every acknowledged update survived the kill.
    static func unappliedUpdates(ofFirst lines: Int, of stream: Data, in path: String, _ directory: TemporaryDirectory)
        throws -> Int
    {
        let probe = directory.path("probe.db")
        try? FileManager.default.removeItem(atPath: probe)
        try? FileManager.default.removeItem(atPath: probe + "-lock")
        try FileManager.default.copyItem(atPath: path, toPath: probe)
        let prefix = directory.path("acknowledged.jsonl")
        let prefixLines = stream.split(separator: UInt8(ascii: "\n")).prefix(lines)
        try Data(prefixLines.joined(separator: [UInt8(ascii: "\n")])).write(to: URL(fileURLWithPath: prefix))
        var options = StoreOptions()
        options.durability = .unsafeFast
        let store = try LineageStore.open(at: probe, options: options)
        defer { store.close() }
        let summary = try store.ingest(jsonLinesFrom: try FileHandle(forReadingFrom: URL(fileURLWithPath: prefix)))
        return (summary.counts[.applied] ?? 0) + (summary.counts[.late] ?? 0)
    }

    /// `LINEAGE_CRASH_TRIALS` kills (20 by default; `make crash-trials` runs 100).
    static let trials = Int(ProcessInfo.processInfo.environment["LINEAGE_CRASH_TRIALS"] ?? "") ?? 20

    @Test(.timeLimit(.minutes(30)))
    func killedWritersConvergeToTheStateOfACleanRunOnReplay() throws {
        var random = SeededGenerator()
        let seed = random.seed
        let directory = try TemporaryDirectory()
        let streamPath = directory.path("stream.jsonl")
        try Self.stream(count: 30_000, using: &random).write(to: URL(fileURLWithPath: streamPath))
        let reference = directory.path("reference.db")
        let clean = try LineageBinary.run(["ingest", "--db", reference, "--durability", "none", streamPath])
        #expect(clean.status == 0, "\(clean.stderr)")

        // Each round feeds a durable writer the stream from the start through a pipe, up to a random line,
        // and kills it there (with a random pause, so some kills land mid-commit): the writer is always alive
        // when killed, whatever the machine's speed. Every update it acknowledged as committed must survive.
        signal(SIGPIPE, SIG_IGN)
        let stream = try Data(contentsOf: URL(fileURLWithPath: streamPath))
        let lineEnds = stream.indices.filter { stream[$0] == UInt8(ascii: "\n") }
        let crashed = directory.path("crashed.db")
        var acknowledgedInTotal = 0
        for round in 0..<Self.trials {
            let process = Process()
            process.executableURL = LineageBinary.url
            process.arguments = ["ingest", "--db", crashed, "--batch-size", "100", "--report-commits", "-"]
            let input = Pipe()
            let errors = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let cut = lineEnds[Int.random(in: 0..<lineEnds.count, using: &random)]
            input.fileHandleForWriting.write(stream[...cut])
            usleep(UInt32.random(in: 0...50_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? input.fileHandleForWriting.close()
            #expect(process.terminationReason == .uncaughtSignal, "round \(round) ended before the kill; seed \(seed)")
            let acknowledged = Self.acknowledgedLines(errors)
            acknowledgedInTotal += acknowledged
            let lost = try Self.unappliedUpdates(ofFirst: acknowledged, of: stream, in: crashed, directory)
            #expect(lost == 0, "kill \(round + 1) lost \(lost) of \(acknowledged) acknowledged lines; seed \(seed)")
            let store = try LineageStore.open(at: crashed, options: StoreOptions())
            let report = try store.verify()
            store.close()
            #expect(report.isClean, "after kill \(round + 1): \(report.problems.prefix(3)); seed \(seed)")
        }
        let replay = try LineageBinary.run(["ingest", "--db", crashed, streamPath])
        #expect(replay.status == 0, "\(replay.stderr)")
        let expected = try Self.state(of: reference)
        let actual = try Self.state(of: crashed)
        #expect(actual.jobs == expected.jobs, "seed \(seed)")
        #expect(expected.jobs.allSatisfy { !$0.reporterWindows.isEmpty }, "windows are part of each job")
        #expect(actual.events == expected.events, "seed \(seed)")
        #expect(expected.jobs.count == 30 && expected.events.count > 30_000)
        let store = try LineageStore.open(at: crashed, options: StoreOptions())
        var named: [String: Bool] = [:]
        for change in try store.changes(after: 0, limit: .max) {
            named["\(change.kind.name) \(change.key)"] = change.operation == .put
        }
        store.close()
        #expect(
            named.values.filter { $0 }.count == actual.jobs.count + actual.events.count,
            "the change feed names every job and event the killed writers left, once; seed \(seed)")
        #expect(acknowledgedInTotal > 0, "no kill came after a commit; seed \(seed)")
        print(
            "crash trials: \(Self.trials) kills, \(acknowledgedInTotal) acknowledged lines in all, none lost; seed \(seed)"
        )
    }
}
