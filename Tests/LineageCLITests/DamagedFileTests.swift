import Foundation
import TestSupport
import Testing

/// A damaged database file is a clear error from every command — exit 1, `verify` exit 2 with a report —
/// never a signal.
@Suite struct DamagedFileTests {
    static let readers: [[String]] = [["jobs", "list"], ["stats"], ["export"], ["jobs", "show", "crawl-0"]]

    static func demoFile() throws -> (TemporaryDirectory, Data) {
        let directory = try TemporaryDirectory()
        let path = directory.path("demo.db")
        #expect(try LineageBinary.run(["demo", "--fresh", "--db", path]).status == 0)
        return (directory, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test(arguments: [0.1, 0.5, 0.9])
    func aTruncatedFileIsAnErrorFromEveryCommand(fraction: Double) throws {
        let (directory, pristine) = try Self.demoFile()
        let path = directory.path("truncated.db")
        try pristine.prefix(Int(Double(pristine.count) * fraction)).write(to: URL(fileURLWithPath: path))
        for command in Self.readers + [["ingest", "-"]] {
            let result = try LineageBinary.run(command + ["--db", path], stdin: Data())
            #expect(!result.killedBySignal && result.status == 1, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("was truncated"), "\(command): \(result.stderr)")
        }
        let verify = try LineageBinary.run(["verify", "--db", path])
        #expect(verify.status == 2 && verify.stdout.contains("1 problems") && verify.stdout.contains("was truncated"))
    }

    @Test func damagedPageHeadersAreReportedNeverASignal() throws {
        var random = SeededGenerator()
        let seed = random.seed
        let (directory, pristine) = try Self.demoFile()
        let pages = pristine.count / 4096
        var detected = 0
        for trial in 0..<12 {
            var damaged = pristine
            for _ in 0..<3 {
                let page = Int.random(in: 2..<pages, using: &random)
                damaged[page * 4096 + Int.random(in: 0..<16, using: &random)] ^= UInt8.random(
                    in: 1...255, using: &random)
            }
            let path = directory.path("damaged-\(trial).db")
            try damaged.write(to: URL(fileURLWithPath: path))
            let verify = try LineageBinary.run(["verify", "--db", path])
            #expect(!verify.killedBySignal && [0, 2].contains(verify.status), "seed \(seed) trial \(trial): verify")
            if verify.status == 2 { detected += 1 }
            for command in Self.readers {
                let result = try LineageBinary.run(command + ["--db", path])
                #expect(
                    !result.killedBySignal, "seed \(seed) trial \(trial): \(command) died of signal \(result.status)")
                #expect(
                    [0, 1].contains(result.status), "seed \(seed) trial \(trial): \(command) exited \(result.status)")
                if verify.status == 2 && command == ["export"] {
                    // Refused up front when a page is damaged ("… is damaged"), or stopped at the first record
                    // that cannot be read when the pages hold together but a record does not: exit 1 either
                    // way, naming the file, never an export that skipped what it could not read.
                    #expect(
                        result.status == 1 && result.stderr.contains("damaged-\(trial).db"),
                        "seed \(seed): \(result.stderr)")
                }
            }
            try FileManager.default.removeItem(atPath: path)
        }
        #expect(detected >= 6, "seed \(seed): only \(detected) of 12 damaged files were detected")
    }

    /// Heavier damage (a fifth of all pages) makes liblmdb itself fault or assert in short queries, which read
    /// without checking every page first: those end with exit 1 and a message naming the file.
    @Test func faultsInsideLiblmdbEndWithAMessageNamingTheFile() throws {
        var random = SeededGenerator()
        let seed = random.seed
        let (directory, pristine) = try Self.demoFile()
        let pages = pristine.count / 4096
        let path = directory.path("damaged.db")
        var (faults, errors) = (0, 0)
        for trial in 0..<20 {
            var damaged = pristine
            for page in 2..<pages where Int.random(in: 0..<5, using: &random) == 0 {
                for _ in 0..<4 {
                    damaged[page * 4096 + Int.random(in: 0..<64, using: &random)] ^= UInt8.random(
                        in: 1...255, using: &random)
                }
            }
            try damaged.write(to: URL(fileURLWithPath: path))
            for command in [["jobs", "list"], ["status"]] {
                let result = try LineageBinary.run(command + ["--db", path])
                #expect(
                    !result.killedBySignal, "seed \(seed) trial \(trial): \(command) died of signal \(result.status)")
                #expect(
                    [0, 1].contains(result.status), "seed \(seed) trial \(trial): \(command) exited \(result.status)")
                if result.stderr.contains("failed inside liblmdb") {
                    #expect(result.stderr.contains("lineage verify --db \(path)"))
                    faults += 1
                } else if result.status == 1 {
                    errors += 1
                }
            }
        }
        print("heavy damage, seed \(seed): \(faults) liblmdb faults reported, \(errors) other errors")
        #expect(faults + errors > 20, "seed \(seed)")
    }
}
