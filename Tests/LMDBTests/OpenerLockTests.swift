import CFileLocks
import Foundation
import LMDB
import TestSupport
import Testing

/// Every opener of one data file uses one lock file: a second opener that would use another is refused,
/// and the lock file gets its space on disk before LMDB maps it.
@Suite struct OpenerLockTests {
    @Test func aHardLinkInAnotherFolderIsRefusedWhileTheFileIsOpen() throws {
        let first = try TemporaryDirectory()
        let second = try TemporaryDirectory()
        let path = first.path("data.lineage")
        let linked = second.path("linked.lineage")
        let env = try Environment.open(EnvironmentOptions(path: path))
        let db = try env.openDatabase("records")
        try env.write { try $0.put([1], forKey: [1], in: db) }
        #expect(link(path, linked) == 0)

        for readOnly in [false, true] {
            #expect {
                try Environment.open(EnvironmentOptions(path: linked, readOnly: readOnly))
            } throws: { error in
                let error = error as! LMDBError
                return error.code == .lockConflict && error.message.contains("linked.lineage")
                    && error.message.contains("different lock file")
            }
        }
        #expect(try env.read { try $0.value(in: db, forKey: [1]) } == [1], "the open environment is untouched")
        env.close()

        let viaLink = try Environment.open(EnvironmentOptions(path: linked))
        let linkedRecords = try viaLink.openDatabase("records")
        #expect(try viaLink.read { try $0.value(in: linkedRecords, forKey: [1]) } == [1])
        #expect {
            try Environment.open(EnvironmentOptions(path: path, readOnly: true))
        } throws: { ($0 as? LMDBError)?.code == .lockConflict }
        viaLink.close()
    }

    @Test func aReplacedLockFileIsRefusedUntilTheFileIsClosed() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("data.lineage")
        let env = try Environment.open(EnvironmentOptions(path: path))
        #expect(unlink(path + "-lock") == 0)
        #expect(link(path, directory.path("same-folder.lineage")) == 0)
        #expect {
            try Environment.open(EnvironmentOptions(path: directory.path("same-folder.lineage")))
        } throws: { ($0 as? LMDBError)?.code == .lockConflict }
        env.close()
        try Environment.open(EnvironmentOptions(path: path)).close()
    }

    /// A forked child holds its parent's file descriptions until it calls `exec`, so a file its parent has
    /// just closed can look open for a moment; an opener waits that moment out instead of refusing.
    @Test func aHolderThatLetsGoWithinTheGracePeriodIsNoConflict() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("data.lineage")
        try Environment.open(EnvironmentOptions(path: path)).close()
        #expect(unlink(path + "-lock") == 0)
        let holder = open(path, O_RDONLY | O_CLOEXEC)
        #expect(lineage_share_byte(holder, 0) == 0)
        let letGo = Thread {
            usleep(50_000)
            close(holder)
        }
        letGo.start()
        try Environment.open(EnvironmentOptions(path: path)).close()
    }

    @Test(.enabled(if: SmallFileSystem.isAvailable, SmallFileSystem.unavailableReason))
    func onAFullFileSystemANewDatabaseIsNoSpaceAndLeavesNoDataFile() throws {
        let disk = try #require(try SmallFileSystem.mount(kibibytes: 64).get())
        disk.fill()
        let path = disk.directory.path("new.lineage")
        #expect {
            try Environment.open(EnvironmentOptions(path: path))
        } throws: { error in
            let error = error as! LMDBError
            return error.code == .noSpace && error.message.contains("new.lineage-lock")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(.enabled(if: SmallFileSystem.isAvailable, SmallFileSystem.unavailableReason))
    func onAFullFileSystemAnExistingDatabaseStillOpensAndReads() throws {
        let disk = try #require(try SmallFileSystem.mount(kibibytes: 512).get())
        let path = disk.directory.path("existing.lineage")
        do {
            let env = try Environment.open(EnvironmentOptions(path: path, mapSize: 64 << 10))
            let db = try env.openDatabase("records")
            try env.write { try $0.put([7], forKey: [1], in: db) }
            env.close()
        }
        disk.fill()
        for readOnly in [true, false] {
            let env = try Environment.open(EnvironmentOptions(path: path, readOnly: readOnly))
            let records = try env.openDatabase("records")
            #expect(try env.read { try $0.value(in: records, forKey: [1]) } == [7])
            env.close()
        }
    }
}
