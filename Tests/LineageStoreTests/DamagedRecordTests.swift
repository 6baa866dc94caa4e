import LineageFormat
import LineageStore
import TestSupport
import Testing

/// Records whose counters, sequences or windows cannot be built on never trap: `load` refuses them naming
/// the line, `verify` reports them, and the writer refuses updates for them while every other job goes on.
@Suite struct DamagedRecordTests {
    static func job(_ id: String, _ damage: @Sendable (inout JobRecord) -> Void) -> JobRecord {
        var job = ProgressMerge.newJob(id)
        damage(&job)
        return job
    }

    static let damagedJobs: [(String, @Sendable (inout JobRecord) -> Void)] = [
        ("first_event_sequence", { $0.firstEventSequence = 5 }),
        ("next_event_sequence", { $0.nextEventSequence = 1 << 63 }),
        ("counter", { $0.progressUpdates = .max }),
    ]

    @Test func theWriterRefusesUpdatesForADamagedJobOrWindowAndGoesOn() throws {
        let t = try TestStore()
        try t.store.write { context in
            for (index, (_, damage)) in Self.damagedJobs.enumerated() {
                _ = try context.save(Self.job("bad-\(index)", damage))
            }
            _ = try context.save(
                Self.job("bad-window") { job in
                    var window = ReporterWindowRecord(jobID: "", reporter: "r")
                    window.seen = [1]
                    window.highestSeq = 3
                    job.reporterWindows = [window]
                })
        }
        var updates = (0..<Self.damagedJobs.count).map { ProgressUpdate(jobID: "bad-\($0)", reporter: "r", seq: 1) }
        updates += [
            ProgressUpdate(jobID: "bad-window", reporter: "r", seq: 2),
            ProgressUpdate(jobID: "good", reporter: "r", seq: 1, processedItems: 7),
        ]
        let summary = try t.store.ingest(updates)
        #expect(summary.outcomes.map(\.kind) == [.invalid, .invalid, .invalid, .invalid, .applied])
        #expect(summary.outcomes.dropLast().allSatisfy { $0.message.contains("stored damaged") })
        #expect(try t.store.job("good")?.processedItems == 7)
        let problems = try t.store.verify().problems.map(\.message)
        for (name, _) in Self.damagedJobs { #expect(problems.contains { $0.contains(name) }, "\(name): \(problems)") }
        #expect(problems.contains { $0.contains("seen is 1 bytes") })
    }

    @Test func loadRefusesDamagedRecordsNamingTheLineAndLoadsNothing() throws {
        let t = try TestStore()
        let lines: [(String, String)] = [
            (#"{"kind":"job","id":"j","first_event_sequence":9,"next_event_sequence":2}"#, "first_event_sequence"),
            (#"{"kind":"event","job_id":"j","sequence":9223372036854775808,"event":"e"}"#, "largest key"),
            (
                #"{"kind":"reporter_window","job_id":"j","reporter":"r","seen":"00","highest_seq":1}"#,
                "seen is 1 bytes"
            ),
        ]
        for (line, reason) in lines {
            let valid = #"{"kind":"job","id":"other"}"#
            #expect(
                throwsStoreError(.invalidInput, "line 2", reason) {
                    try t.store.load(jsonLines: [(1, Array(valid.utf8)), (2, Array(line.utf8))])
                })
            #expect(try t.store.job("other") == nil, "nothing was loaded")
        }
    }
}
