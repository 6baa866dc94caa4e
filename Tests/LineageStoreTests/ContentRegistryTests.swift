import Foundation
import LineageFormat
import LineageStore
import TestSupport
import Testing

@Suite struct ContentRegistryTests {
    @Test func sameContentUnderTwoPathsIsOneContentWithTwoSightings() throws {
        let directory = try TemporaryDirectory()
        let store = try LineageStore.open(at: directory.path("db.lineage"), options: testOptions())
        let a = try directory.write("a.csv", Array("x,y\n1,2\n".utf8))
        let b = try directory.write("b.csv", Array("x,y\n1,2\n".utf8))
        let c = try directory.write("c.csv", Array("other\n".utf8))
        let first = try store.hashFile(at: a, register: true)
        let second = try store.hashFile(at: b, register: true)
        try store.hashFile(at: c, register: true)
        #expect(first.digests == second.digests)
        let content = try #require(try store.content(sha256: first.digests.sha256!))
        #expect(content.seenCount == 2)
        #expect(content.size == 8)
        #expect(content.firstSeenAt == 1_736_190_930_000_000)
        let sightings = try store.sightings(sha256: first.digests.sha256!)
        #expect(Set(sightings.map(\.location)) == [a, b])
        let duplicates = try store.duplicates()
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.content.sha256 == first.digests.sha256)
        #expect(try store.contents(xxh3: first.digests.xxh3).map(\.sha256) == [first.digests.sha256!])
        #expect(try store.seenBefore(fileAt: b)?.sha256 == first.digests.sha256)
        let unseen = try directory.write("d.csv", Array("never registered\n".utf8))
        #expect(try store.seenBefore(fileAt: unseen) == nil)
    }

    @Test func twoSpellingsOfOneFileAreOneLocationNotADuplicate() throws {
        let directory = try TemporaryDirectory()
        let store = try LineageStore.open(at: directory.path("db.lineage"), options: testOptions())
        let path = try directory.write("data.csv", Array("x\n".utf8))
        let link = directory.path("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let first = try store.hashFile(at: path, register: true)
        let second = try store.hashFile(at: directory.url.path + "/./link.csv", register: true)
        #expect(second.fromCache, "the stat cache is keyed by the canonical path")
        let sightings = try store.sightings(sha256: first.digests.sha256!)
        #expect(sightings.count == 1)
        #expect(sightings.first?.count == 2)
        #expect(try store.duplicates().isEmpty)
    }

    @Test func aChangedFileGetsANewContentAndTheStatCacheIsInvalidated() throws {
        let directory = try TemporaryDirectory()
        let store = try LineageStore.open(at: directory.path("db.lineage"), options: testOptions())
        let path = try directory.write("data.csv", Array("v1\n".utf8))
        let original = try store.hashFile(at: path, register: true)
        #expect(!original.fromCache)
        let cached = try store.hashFile(at: path)
        #expect(cached.fromCache)
        #expect(cached.digests == original.digests)

        // Same size, new mtime: the cache must not answer.
        try Data("v2\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: path)
        let changed = try store.hashFile(at: path, register: true)
        #expect(!changed.fromCache)
        #expect(changed.digests.sha256 != original.digests.sha256)
        #expect(try store.content(sha256: changed.digests.sha256!) != nil)
        #expect(try store.content(sha256: original.digests.sha256!) != nil, "the old content stays known")

        // New size: the cache must not answer either.
        try Data("version three\n".utf8).write(to: URL(fileURLWithPath: path))
        let resized = try store.hashFile(at: path)
        #expect(!resized.fromCache)
        #expect(resized.digests.size == 14)
    }

    @Test func aFileRewrittenWithItsSizeAndMtimeRestoredIsHashedAgain() throws {
        let directory = try TemporaryDirectory()
        let store = try LineageStore.open(at: directory.path("db.lineage"), options: testOptions())
        let path = try directory.write("data.csv", Array("v1\n".utf8))
        let original = try store.hashFile(at: path)
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        #expect(try store.hashFile(at: path).fromCache)
        Thread.sleep(forTimeInterval: 0.02)  // the ctime moves on with the clock
        try Data("v2\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        let rewritten = try store.hashFile(at: path)
        #expect(!rewritten.fromCache, "same size and mtime, but the ctime tells the rewrite")
        #expect(rewritten.digests.sha256 != original.digests.sha256)
    }

    @Test func aStatCacheEntryWithoutACtimeIsNeverReused() throws {
        let directory = try TemporaryDirectory()
        let store = try LineageStore.open(at: directory.path("db.lineage"), options: testOptions())
        let path = try directory.write("data.csv", Array("v1\n".utf8))
        try store.hashFile(at: path)
        // An entry as format 1.5 wrote it: everything but the ctime.
        try store.write { context in
            var entry = try #require(try context.fetch(StatCacheRecord.self, [.hashed(path)]))
            entry.changedAtNanoseconds = 0
            try context.save(entry)
        }
        #expect(try !store.hashFile(at: path).fromCache)
        #expect(try store.hashFile(at: path).fromCache, "the entry written again has its ctime")
    }

    @Test func anXXH3OnlyCacheEntryDoesNotAnswerASHA256Request() throws {
        let directory = try TemporaryDirectory()
        let store = try LineageStore.open(at: directory.path("db.lineage"), options: testOptions())
        let path = try directory.write("data.bin", patternBytes(10_000))
        let quick = try store.hashFile(at: path, algorithms: .xxh3Only)
        #expect(quick.digests.sha256 == nil)
        #expect(try store.hashFile(at: path, algorithms: .xxh3Only).fromCache)
        let full = try store.hashFile(at: path)
        #expect(!full.fromCache)
        #expect(full.digests.sha256 != nil)
        #expect(try store.hashFile(at: path, algorithms: .xxh3Only).fromCache)
    }

    @Test func invalidRegistrationsChangeNothing() throws {
        let directory = try TemporaryDirectory()
        let store = try LineageStore.open(at: directory.path("db.lineage"), options: testOptions())
        let path = try directory.write("data.bin", [1, 2, 3])
        #expect { try store.hashFile(at: path, algorithms: .xxh3Only, register: true) } throws: {
            ($0 as? StoreError)?.code == .invalidInput
        }
        let digests = FileHasher().digests(of: [1, 2, 3])
        #expect { try store.recordContent(digests, seenAt: "") } throws: { ($0 as? StoreError)?.code == .invalidInput }
        #expect { try store.recordContent(digests, seenAt: "a\0b") } throws: {
            ($0 as? StoreError)?.code == .invalidInput
        }
        #expect { try store.recordContent(FileHasher(algorithms: .xxh3Only).digests(of: [1]), seenAt: "x") } throws: {
            ($0 as? StoreError)?.code == .invalidInput
        }
        #expect(try store.statistics().recordsByKind.isEmpty)
    }
}
