import LineageFormat
import LineageStore
import TestSupport
import Testing

/// Identities compare by their UTF-8 bytes: a composed and a decomposed spelling of one text are two jobs,
/// two reporters and two item types, whatever the batch boundaries.
@Suite struct ByteIdentityTests {
    static let composed = "caf\u{E9}"
    static let decomposed = "cafe\u{301}"

    /// Every combination of the two spellings for job, reporter and item type, `rounds` seqs each.
    static func lines(rounds: Int) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        for seq in 1...rounds {
            for job in [composed, decomposed] {
                for reporter in [composed, decomposed] {
                    lines.append(
                        Array(
                            #"{"jobId": "\#(job)", "reporter": "\#(reporter)", "seq": \#(seq), "processedItems": \#(seq), "#
                                .utf8)
                            + Array(#""itemsByType": {"\#(composed)": 1, "\#(decomposed)": 2}}"#.utf8))
                }
            }
        }
        return lines
    }

    @Test(arguments: [1, 3, 7, 1_000])
    func composedAndDecomposedSpellingsStayApartInEveryBatching(batchSize: Int) throws {
        let t = try TestStore()
        let lines = Self.lines(rounds: 5)
        var applied = 0
        for start in stride(from: 0, to: lines.count, by: batchSize) {
            let summary = try t.store.ingest(json: Array(lines[start..<min(start + batchSize, lines.count)]))
            applied += summary.counts[.applied] ?? 0
        }
        #expect(applied == lines.count, "every (job, reporter, seq) is its own key")
        for id in [Self.composed, Self.decomposed] {
            let job = try #require(try t.store.job(id))
            #expect(Array(job.id.utf8) == Array(id.utf8), "the job is stored under the spelling it was sent with")
            #expect(job.itemsByType.count == 2)
            #expect(job.itemsByType[ExactString(Self.composed)] == 10, "1 per update, 2 reporters x 5 seqs")
            #expect(job.itemsByType[ExactString(Self.decomposed)] == 20)
            #expect(job.progressUpdates == 10)
        }
        let replay = try t.store.ingest(json: lines)
        #expect(replay.counts == [.duplicate: lines.count], "a replay is recognised key by key")
        #expect(try t.store.job(Self.composed)?.itemsByType[ExactString(Self.composed)] == 10)
        #expect(try t.store.verify().isClean)
    }

    /// Export and load keep both spellings: item-type keys stay two entries, and a document keeps its members
    /// as received, so a store survives export → load byte for byte.
    @Test func exportAndLoadKeepBothSpellings() throws {
        let t = try TestStore()
        let document = #"{"\#(Self.composed)":1,"\#(Self.decomposed)":2}"#
        let line =
            #"{"jobId": "j", "reporter": "r", "seq": 1, "itemsByType": {"\#(Self.composed)": 1, "\#(Self.decomposed)": 2}, "#
            + #""timeline": [{"event": "custom", "details": \#(document)}]}"#
        #expect(try t.store.ingest(json: [Array(line.utf8)]).counts[.applied] == 1)
        var lines: [String] = []
        _ = try t.store.export { lines.append($0) }
        let job = try #require(lines.first { $0.contains(#""kind":"job""#) })
        #expect(job.utf8.contains(Array(#""\#(Self.decomposed)":2"#.utf8)), "\(job)")
        #expect(job.utf8.contains(Array(#""\#(Self.composed)":1"#.utf8)))

        let copy = try LineageStore.open(at: t.directory.path("copy.lineage"), options: testOptions())
        defer { copy.close() }
        _ = try copy.load(jsonLines: lines.enumerated().map { ($0.offset + 1, Array($0.element.utf8)) })
        let loaded = try #require(try copy.job("j"))
        #expect(loaded.itemsByType == [ExactString(Self.composed): 1, ExactString(Self.decomposed): 2])
        let event = try #require(try copy.jobEvents("j").first { $0.event == "custom" })
        #expect(Array((event.details ?? "").utf8) == Array(document.utf8), "the document as received")
        var again: [String] = []
        _ = try copy.export { again.append($0) }
        #expect(again == lines, "export → load → export is the identity")

        let repeated = #"{"kind":"job","id":"k","items_by_type":{"a":1,"a":2}}"#
        #expect(
            throwsStoreError(.invalidInput, "items_by_type") {
                _ = try copy.load(jsonLines: [(1, Array(repeated.utf8))])
            })
    }

    @Test func exactStringsCompareHashAndSortByBytes() {
        let composed = ExactString(Self.composed)
        let decomposed = ExactString(Self.decomposed)
        #expect(Self.composed == Self.decomposed, "Swift's String equality is canonical equivalence")
        #expect(composed != decomposed && Set([composed, decomposed]).count == 2)
        #expect(decomposed < composed, "e (0x65) sorts before é (0xC3 0xA9)")
        #expect(ExactString("abc") == "abc" && ExactString("") == "")
    }

    @Test func reportersOfTheSameInstantAreOrderedByTheirBytes() {
        var state = ProgressState(job: ProgressMerge.newJob("j"))
        let at: Int64 = 1_736_190_930_000_000
        for (reporter, stage) in [(Self.decomposed, "decomposed"), (Self.composed, "composed")] {
            _ = ProgressMerge.merge(
                ProgressUpdate(jobID: "j", reporter: reporter, seq: 1, timestamp: at, stage: stage), into: &state,
                now: at)
        }
        #expect(state.job.stage == "composed", "é (0xC3) sorts after e (0x65): the composed reporter is later")
        #expect(state.windows.count == 2)
    }
}
