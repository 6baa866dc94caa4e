import Foundation
import LineageStore
import TestSupport
import Testing

/// Processes that reach one database through different spellings share its lock; one that would not share it
/// (its lock file deleted while the database is open) is refused.
@Suite struct SharedLockTests {
    static let update = Data(#"{"jobId":"j1","reporter":"r","seq":1,"processedItems":7}"#.utf8 + [0x0A])

    @Test func aWriterThroughASymlinkSharesTheOpenDatabasesLock() throws {
        let directory = try TemporaryDirectory()
        let elsewhere = try TemporaryDirectory()
        let path = directory.path("real.db")
        let link = elsewhere.path("link.db")
        let store = try LineageStore.open(at: path, options: StoreOptions())
        defer { store.close() }
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let ingest = try LineageBinary.run(["ingest", "--db", link, "-"], stdin: Self.update)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(try store.job("j1")?.processedItems == 7, "the write through the link is seen through the real path")
        #expect(!FileManager.default.fileExists(atPath: link + "-lock"))
    }

    @Test func aDeletedLockFileMakesOtherOpenersRefuseUntilTheDatabaseCloses() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("a.db")
        let store = try LineageStore.open(at: path, options: StoreOptions())
        #expect(unlink(path + "-lock") == 0)
        for command in [["jobs", "list"], ["ingest", "-"]] {
            let result = try LineageBinary.run(command + ["--db", path], stdin: Self.update)
            #expect(result.status == 1, "\(command): exit \(result.status)")
            #expect(result.stderr.contains("\(path) is open in another process through a different lock file"))
        }
        store.close()
        let after = try LineageBinary.run(["ingest", "--db", path, "-"], stdin: Self.update)
        #expect(after.status == 0, "\(after.stderr)")
    }
}
