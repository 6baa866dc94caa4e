import Foundation
import TestSupport
import Testing

/// A full disk is an error that says so, never a signal: a lock file that cannot get its space fails the
/// open, and an ingest that runs out of space names the lines committed, which a second ingest completes.
@Suite struct FullDiskTests {
    @Test(.enabled(if: SmallFileSystem.isAvailable, SmallFileSystem.unavailableReason))
    func onAFullDiskEveryCommandExitsOneWithoutASignal() throws {
        let disk = try #require(try SmallFileSystem.mount(kibibytes: 512).get())
        let existing = disk.directory.path("existing.db")
        #expect(try LineageBinary.run(["init", "--db", existing]).status == 0)
        #expect(unlink(existing + "-lock") == 0, "the lock file must be created again")
        disk.fill()
        let cases = [["jobs", "list", "--db", existing], ["init", "--db", disk.directory.path("new.db")]]
        for command in cases + [["ingest", "--db", existing, "-"]] {
            let result = try LineageBinary.run(command, stdin: SharedLockTests.update)
            #expect(result.status == 1, "\(command): exit \(result.status)")
            #expect(result.stderr.contains("No space left on device"), "\(command): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: disk.directory.path("new.db")))
    }

    @Test(.enabled(if: SmallFileSystem.isAvailable, SmallFileSystem.unavailableReason))
    func anIngestThatFillsTheDiskSaysWhatWasCommitted() throws {
        let disk = try #require(try SmallFileSystem.mount(kibibytes: 1_024).get())
        let input = try TemporaryDirectory()
        let lines = (1...40_000).map { seq in
            #"{"jobId":"job-\#(seq % 500)","reporter":"r","seq":\#(seq),"processedItems":\#(seq),"#
                + #""timeline":[{"type":"progress","message":"page \#(seq) of a long crawl"}]}"#
        }
        let path = input.path("updates.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let db = disk.directory.path("full.db")
        let result = try LineageBinary.run(["ingest", "--db", db, "--batch-size", "1000", path])
        #expect(!result.killedBySignal && result.status == 1, "exit \(result.status): \(result.stderr)")
        #expect(result.stderr.contains("bytes free"), "\(result.stderr)")
        #expect(result.stderr.contains("before line") && result.stderr.contains("are committed"), "\(result.stderr)")
        let verify = try LineageBinary.run(["verify", "--db", db])
        #expect(verify.status == 0, "the committed part verifies clean on the full disk: \(verify.stdout)")
    }
}
