import Foundation
import LMDB
import TestSupport
import Testing

@Suite struct EnvironmentTests {
    @Test func createsOneFileAndItsLockWithMode0600() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.lineage")
        let env = try Environment.open(EnvironmentOptions(path: path))
        defer { env.close() }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(FileManager.default.fileExists(atPath: path + "-lock"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
                == ["store.lineage", "store.lineage-lock"])
    }

    @Test func committedWritesAreReadBackAndThrownWritesLeaveNothing() throws {
        let directory = try TemporaryDirectory()
        let env = try Environment.open(EnvironmentOptions(path: directory.path("a.lineage")))
        let db = try env.openDatabase("records")
        try env.write { txn in try txn.put([1, 2, 3], forKey: Array("k1".utf8), in: db) }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try env.write { txn in
                try txn.put([9], forKey: Array("k2".utf8), in: db)
                try txn.put([9], forKey: Array("k1".utf8), in: db)
                throw Boom()
            }
        }
        try env.read { txn throws in
            #expect(try txn.value(in: db, forKey: Array("k1".utf8)) == [1, 2, 3])
            #expect(try txn.value(in: db, forKey: Array("k2".utf8)) == nil)
        }
    }

    @Test func dataSurvivesCloseAndReopen() throws {
        let directory = try TemporaryDirectory()
        let options = EnvironmentOptions(path: directory.path("a.lineage"))
        do {
            let env = try Environment.open(options)
            let db = try env.openDatabase("meta")
            try env.write { try $0.put([7], forKey: [1], in: db) }
            env.close()
        }
        let env = try Environment.open(options)
        let db = try env.openDatabase("meta")
        #expect(try env.read { try $0.value(in: db, forKey: [1]) } == [7])
    }

    @Test func aTransactionCannotBeUsedAfterItsClosure() throws {
        let directory = try TemporaryDirectory()
        let env = try Environment.open(EnvironmentOptions(path: directory.path("a.lineage")))
        let db = try env.openDatabase("records")
        let escaped = try env.read { $0 }
        #expect { try escaped.value(in: db, forKey: [1]) } throws: { ($0 as? LMDBError)?.code == .transactionClosed }
        let escapedWrite = try env.write { $0 }
        #expect { try escapedWrite.put([1], forKey: [1], in: db) } throws: {
            ($0 as? LMDBError)?.code == .transactionClosed
        }
    }

    @Test func oversizedAndEmptyKeysAreRejectedAndNothingIsCommitted() throws {
        let directory = try TemporaryDirectory()
        let env = try Environment.open(EnvironmentOptions(path: directory.path("a.lineage")))
        let db = try env.openDatabase("index")
        #expect(env.maxKeySize == 511)
        try env.write { try $0.put([1], forKey: [0x41], in: db) }
        #expect {
            try env.write { txn in
                try txn.put([2], forKey: [0x42], in: db)
                try txn.put([3], forKey: Array(repeating: 0x43, count: 512), in: db)
            }
        } throws: { error in
            let error = error as! LMDBError
            return error.code == .keyTooLarge && error.message.contains("512 bytes")
                && error.message.contains("'index'")
        }
        #expect { try env.write { try $0.put([1], forKey: [], in: db) } } throws: {
            ($0 as? LMDBError)?.code == .keyTooLarge
        }
        try env.write { try $0.put([4], forKey: Array(repeating: 0x44, count: 511), in: db) }
        #expect(try env.read { try $0.count(db) } == 2)
        #expect(try env.read { try $0.value(in: db, forKey: [0x42]) } == nil)
        // Nothing can be stored under a key outside the limits, so reading or deleting one finds nothing.
        for key in [[], Array(repeating: UInt8(0x45), count: 512)] {
            #expect(try env.read { try $0.value(in: db, forKey: key) } == nil)
            #expect(try env.write { try $0.delete(key, in: db) } == false)
        }
    }

    @Test func noOverwriteReportsKeyExistsWithLMDBsMessage() throws {
        let directory = try TemporaryDirectory()
        let env = try Environment.open(EnvironmentOptions(path: directory.path("a.lineage")))
        let db = try env.openDatabase("records")
        try env.write { try $0.put([1], forKey: [1], in: db, options: .noOverwrite) }
        #expect {
            try env.write { try $0.put([2], forKey: [1], in: db, options: .noOverwrite) }
        } throws: { error in
            let error = error as! LMDBError
            return error.code == .keyExists && error.operation == "mdb_put" && error.message.contains("MDB_KEYEXIST")
        }
    }

    @Test func readOnlyOpenOfAMissingFileFailsWithFileNotFound() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("missing.lineage")
        #expect {
            try Environment.open(EnvironmentOptions(path: path, readOnly: true))
        } throws: { error in
            let error = error as! LMDBError
            return error.code == .fileNotFound && error.message.contains("missing.lineage")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotLMDBIsRejectedAndLeftIntact() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("not-lmdb.lineage")
        let garbage = Data((0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect {
            try Environment.open(EnvironmentOptions(path: path))
        } throws: { error in
            let error = error as! LMDBError
            return error.code == .notAnLMDBFile && error.message.contains("not-lmdb.lineage")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func onePathIsNeverOpenedTwiceInOneProcess() throws {
        let directory = try TemporaryDirectory()
        let env = try Environment.open(EnvironmentOptions(path: directory.path("a.lineage")))
        let sameFileOtherSpelling = directory.url.path + "/./a.lineage"
        #expect {
            try Environment.open(EnvironmentOptions(path: sameFileOtherSpelling, readOnly: true))
        } throws: { ($0 as? LMDBError)?.code == .alreadyOpen }
        env.close()
        let again = try Environment.open(EnvironmentOptions(path: sameFileOtherSpelling))
        again.close()
    }

    @Test func aSymlinkToTheDataFileSharesTheRealFilesLock() throws {
        let real = try TemporaryDirectory()
        let elsewhere = try TemporaryDirectory()
        let path = real.path("data.lineage")
        try Environment.open(EnvironmentOptions(path: path)).close()
        let link = elsewhere.path("link.lineage")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)

        let viaLink = try Environment.open(EnvironmentOptions(path: link))
        #expect(viaLink.path == URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        #expect(FileManager.default.fileExists(atPath: path + "-lock"))
        #expect(!FileManager.default.fileExists(atPath: link + "-lock"), "the lock lives beside the real file")
        #expect {
            try Environment.open(EnvironmentOptions(path: path, readOnly: true))
        } throws: { ($0 as? LMDBError)?.code == .alreadyOpen }
        viaLink.close()
    }

    @Test func readOnlyEnvironmentsRefuseWrites() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("a.lineage")
        do {
            let env = try Environment.open(EnvironmentOptions(path: path))
            _ = try env.openDatabase("records")
            env.close()
        }
        let env = try Environment.open(EnvironmentOptions(path: path, readOnly: true))
        let db = try env.openDatabase("records")
        #expect { try env.write { try $0.put([1], forKey: [1], in: db) } } throws: {
            ($0 as? LMDBError)?.code == .readOnly
        }
        #expect { try env.openDatabase("absent") } throws: { ($0 as? LMDBError)?.code == .notFound }
    }

    @Test(arguments: Durability.allCases)
    func everyDurabilityModeCommitsAndSyncs(durability: Durability) throws {
        let directory = try TemporaryDirectory()
        let options = EnvironmentOptions(path: directory.path("a.lineage"), durability: durability)
        let env = try Environment.open(options)
        let db = try env.openDatabase("records")
        try env.write { try $0.put([1], forKey: [1], in: db) }
        try env.sync()
        env.close()
        let reopened = try Environment.open(options)
        let again = try reopened.openDatabase("records")
        #expect(try reopened.read { try $0.value(in: again, forKey: [1]) } == [1])
    }

    @Test func compactCopyHoldsTheSameData() throws {
        let directory = try TemporaryDirectory()
        let env = try Environment.open(EnvironmentOptions(path: directory.path("a.lineage")))
        let db = try env.openDatabase("records")
        try env.write { txn in
            for index in 0..<1000 {
                try txn.put(Array(repeating: 1, count: 100), forKey: [UInt8(index / 256), UInt8(index % 256)], in: db)
            }
        }
        try env.write { txn in
            for index in 0..<900 { try txn.delete([UInt8(index / 256), UInt8(index % 256)], in: db) }
        }
        try env.copy(to: directory.path("b.lineage"), compact: true)
        let copy = try Environment.open(EnvironmentOptions(path: directory.path("b.lineage"), readOnly: true))
        let copied = try copy.openDatabase("records")
        #expect(try copy.read { try $0.count(copied) } == 100)
    }

    @Test func mdbStatListsTheNamedDatabases() throws {
        let tool = "/usr/bin/mdb_stat"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return }
        let directory = try TemporaryDirectory()
        let path = directory.path("a.lineage")
        let env = try Environment.open(EnvironmentOptions(path: path))
        for name in ["meta", "records", "index", "events"] { _ = try env.openDatabase(name) }
        let result = try runProcess(tool, ["-n", "-a", path])
        #expect(result.status == 0)
        for name in ["meta", "records", "index", "events"] { #expect(result.stdout.contains("Status of \(name)")) }
    }
}
