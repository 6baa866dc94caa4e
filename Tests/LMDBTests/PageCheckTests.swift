import Foundation
import LMDB
import TestSupport
import Testing

/// `checkPages` walks every B-tree with bounds-checked reads: a sound file is clean, damage is reported by
/// page, and a file it finds clean can be scanned by liblmdb without faulting.
@Suite struct PageCheckTests {
    static let databases = ["records", "index", "events"]

    /// A file with three named databases, thousands of entries over several levels, and overflow values.
    static func pristine(in directory: TemporaryDirectory) throws -> String {
        let path = directory.path("pristine.lineage")
        let env = try Environment.open(EnvironmentOptions(path: path))
        var random = SeededGenerator(seed: 7)
        for name in databases {
            let db = try env.openDatabase(name)
            try env.write { txn in
                for index in 0..<3_000 {
                    let size = index % 500 == 0 ? 9_000 : Int.random(in: 0..<120, using: &random)
                    let value = (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }
                    try txn.put(value, forKey: Array("\(name)-\(index * 7919 % 3_000)".utf8), in: db)
                }
            }
        }
        env.close()
        return path
    }

    /// Reads every entry of every database through liblmdb.
    static func scanAll(_ env: Environment) throws -> Int {
        var entries = 0
        for name in databases {
            let db = try env.openDatabase(name, flags: [])
            try env.read { txn in
                try txn.scan(db) { key, value in
                    entries += key.count + value.count > 0 ? 1 : 0
                    return true
                }
            }
        }
        return entries
    }

    @Test func aSoundFileIsCleanAndEveryPageIsRead() throws {
        let directory = try TemporaryDirectory()
        let env = try Environment.open(EnvironmentOptions(path: try Self.pristine(in: directory)))
        defer { env.close() }
        let report = try env.checkPages()
        #expect(report.isClean, "\(report.problems)")
        let used = try Self.databases.reduce(0) { total, name in
            let db = try env.openDatabase(name, flags: [])
            return total + (try env.read { try $0.statistics(of: db) }.usedBytes) / 4096
        }
        #expect(report.pagesChecked >= used && used > 100)
    }

    @Test func aTruncatedFileIsCorruptedAtOpen() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.pristine(in: directory)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        for fraction in [0.1, 0.5, 0.9] {
            let copy = directory.path("truncated-\(fraction).lineage")
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            #expect(truncate(copy, off_t(Double(size) * fraction)) == 0)
            #expect {
                try Environment.open(EnvironmentOptions(path: copy, readOnly: true))
            } throws: { error in
                let error = error as! LMDBError
                return error.code == .corrupted && error.message.contains("was truncated")
            }
        }
    }

    @Test func aBranchPageWithAWrongNumberIsReportedByPage() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.pristine(in: directory)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let pages = bytes.count / 4096
        let branch = try #require((2..<pages).first { bytes[$0 * 4096 + 10] == 0x01 })
        var damaged = bytes
        damaged[branch * 4096] ^= 0x40
        try damaged.write(to: URL(fileURLWithPath: path))
        let env = try Environment.open(EnvironmentOptions(path: path, readOnly: true))
        defer { env.close() }
        let report = try env.checkPages()
        #expect(report.problems.first?.page == UInt64(branch))
        #expect(report.problems.first?.message.contains("marked as page") == true, "\(report.problems)")
    }

    @Test func randomDamageIsReportedOrHarmless() throws {
        var random = SeededGenerator()
        let seed = random.seed
        let directory = try TemporaryDirectory()
        let pristine = try Data(contentsOf: URL(fileURLWithPath: try Self.pristine(in: directory)))
        let pages = pristine.count / 4096
        var (reported, harmless) = (0, 0)
        for trial in 0..<300 {
            var damaged = pristine
            let page = Int.random(in: 2..<pages, using: &random)
            let inHeader = Bool.random(using: &random)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let offset =
                    inHeader ? Int.random(in: 0..<24, using: &random) : Int.random(in: 0..<4096, using: &random)
                damaged[page * 4096 + offset] ^= UInt8.random(in: 1...255, using: &random)
            }
            let path = directory.path("trial-\(trial).lineage")
            try damaged.write(to: URL(fileURLWithPath: path))
            let env = try Environment.open(EnvironmentOptions(path: path, readOnly: true))
            let report = try env.checkPages()
            if report.isClean {
                _ = try Self.scanAll(env)
                harmless += 1
            } else {
                reported += 1
            }
            env.close()
            try FileManager.default.removeItem(atPath: path)
        }
        print("page damage, seed \(seed): \(reported) reported, \(harmless) harmless")
        #expect(reported > 50, "seed \(seed): \(reported) reported, \(harmless) harmless")
    }
}
