import LineageFormat
import TestSupport
import Testing

/// A reporter's window answers exactly as the set of seqs it has seen, whether it keeps them as a run or as a
/// ring, and one set has one form: a run while the seqs are consecutive up to the highest, a ring otherwise.
@Suite struct ReporterWindowTests {
    /// What the contract says of `seq` for a reporter that has seen `seen`, whose highest is `highest`.
    static func admission(of seq: UInt64, seen: Set<UInt64>, highest: UInt64?) -> ReporterWindowRecord.Admission {
        guard let highest, seq <= highest else { return .fresh }
        if highest - seq >= UInt64(ReporterWindowRecord.window) { return .tooOld }
        return seen.contains(seq) ? .duplicate : .fresh
    }

    @Test func aWindowAnswersAsTheSeqsItSawInItsOneForm() {
        var random = SeededGenerator()
        let seed = random.seed
        let size = UInt64(ReporterWindowRecord.window)
        for round in 0..<300 {
            var window = ReporterWindowRecord(jobID: "job", reporter: "crawler")
            var seen = Set<UInt64>()
            var highest: UInt64?
            var next = UInt64.random(in: 0...3_000, using: &random)
            for _ in 0..<Int.random(in: 1...700, using: &random) {
                let seq: UInt64 =
                    switch Int.random(in: 0..<25, using: &random) {
                    case 0: next + UInt64.random(in: 1...40, using: &random)  // a gap
                    case 1, 2: next - min(next, UInt64.random(in: 1...60, using: &random))  // late, or a retry
                    case 3: next + size + UInt64.random(in: 0...3, using: &random)  // past the whole window
                    default: next
                    }
                next = max(next, seq + 1)
                let expected = Self.admission(of: seq, seen: seen, highest: highest)
                #expect(window.admission(of: seq) == expected, "round \(round), seq \(seq); seed \(seed)")
                guard expected == .fresh else { continue }
                window.record(seq)
                seen.insert(seq)
                highest = max(highest ?? seq, seq)
                #expect(window.recordViolation == nil, "round \(round); seed \(seed)")
            }
            guard let highest else { continue }
            let probes = (highest - min(highest, size + 20))...(highest + 2)
            #expect(
                probes.allSatisfy { window.admission(of: $0) == Self.admission(of: $0, seen: seen, highest: highest) },
                "round \(round); seed \(seed)")
            let inWindow = seen.filter { highest - $0 < size }.sorted()
            let isRun = inWindow.count == Int(highest - inWindow[0] + 1)
            #expect((window.runLength > 0) == isRun && window.seen.isEmpty == isRun, "round \(round); seed \(seed)")
            var rebuilt = ReporterWindowRecord(jobID: "job", reporter: "crawler")
            for seq in inWindow { rebuilt.record(seq) }
            #expect(
                [rebuilt.highestSeq, rebuilt.runLength] == [window.highestSeq, window.runLength]
                    && rebuilt.seen == window.seen, "one set of seqs, one form; round \(round); seed \(seed)")
        }
    }

    @Test func aRingFromAnEarlierFileIsCompactedOnlyWhenItHoldsARun() {
        var ring = ReporterWindowRecord(jobID: "job", reporter: "crawler")
        ring.highestSeq = 1_000
        ring.applied = 1_000
        ring.seen = [0xFE] + [UInt8](repeating: 0xFF, count: 124) + [0x01, 0, 0]  // seqs 1 to 1,000
        var compacted = ring
        compacted.compact()
        #expect(compacted.runLength == 1_000 && compacted.seen.isEmpty)
        #expect((0...1_001).allSatisfy { compacted.admission(of: $0) == ring.admission(of: $0) })
        var holed = ring
        holed.seen[10] = 0xFB  // seq 82 was never seen
        var kept = holed
        kept.compact()
        #expect(kept == holed, "a ring with a hole stays a ring")
        var damaged = ring
        damaged.seen = [1]
        damaged.compact()
        #expect(damaged.seen == [1], "a damaged ring is left for verify to report")
    }
}
