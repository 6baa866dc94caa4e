import Foundation
import LineageStore
import TestSupport
import Testing

/// ``LineageStore/ingest(jsonLinesFrom:named:strict:batchSize:progress:committed:)``: the library's JSON-lines stream.
@Suite struct JSONLinesIngestionTests {
    static func update(_ job: Int, _ seq: Int) -> String {
        #"{"jobId": "job-\#(job)", "reporter": "r", "seq": \#(seq), "itemsByType": {"issues": 1}}"#
    }

    @Test(arguments: [1, 3, 1000])
    func aStreamAppliesEveryValidLineAndNamesTheInvalidOnes(batchSize: Int) throws {
        let t = try TestStore()
        var lines: [String] = []
        for seq in 1...20 { lines.append(Self.update(seq % 3, seq)) }
        lines.insert("", at: 5)
        lines.insert("   ", at: 9)
        lines.insert(#"{"jobId": "job-1", "seq": -1}"#, at: 12)
        lines.insert("not json", at: 14)
        lines.append(Self.update(1, 4))
        let path = try t.directory.write("stream.jsonl", Array(lines.joined(separator: "\n").utf8))
        let handle = try #require(FileHandle(forReadingAtPath: path))
        var reported: [Int] = []
        let summary = try t.store.ingest(jsonLinesFrom: handle, named: "stream.jsonl", batchSize: batchSize) {
            reported.append($0)
        }
        #expect(summary.updates == 23)
        #expect(summary.counts == [.applied: 20, .invalid: 2, .duplicate: 1])
        #expect(summary.invalid.map(\.line) == [13, 15])
        #expect(summary.invalid.allSatisfy { $0.source == "stream.jsonl" })
        #expect(summary.invalid[0].message.contains("seq"))
        #expect(reported.last == lines.joined(separator: "\n").utf8.count)
        let totals = try (0..<3).map { try #require(try t.store.job("job-\($0)")).itemsByType["issues"] }
        #expect(totals == [6, 7, 7])
    }

    @Test func aLineOverTheLimitIsInvalidAndTheRestApplies() throws {
        let t = try TestStore()
        let long =
            #"{"jobId": "job-1", "stage": ""# + String(repeating: "x", count: ProgressUpdate.maxJSONBytes) + #""}"#
        let text = [Self.update(1, 1), long, Self.update(1, 2)].joined(separator: "\n") + "\n"
        let path = try t.directory.write("long.jsonl", Array(text.utf8))
        let summary = try t.store.ingest(jsonLinesFrom: try #require(FileHandle(forReadingAtPath: path)))
        #expect(summary.counts == [.applied: 2, .invalid: 1])
        #expect(summary.invalid.first?.line == 2 && summary.invalid.first?.message.contains("limit") == true)
    }

    @Test func summariesOfSeveralStreamsAddUp() throws {
        var first = JSONLinesIngestSummary()
        first.counts = [.applied: 2, .invalid: 1]
        first.invalid = [.init(source: "a", line: 2, message: "bad")]
        var second = JSONLinesIngestSummary()
        second.counts = [.applied: 1]
        first.add(second)
        #expect(first.updates == 4 && first.counts == [.applied: 3, .invalid: 1] && first.invalid.count == 1)
    }
}
