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

    /// A named database whose recorded flags differ from those every opener passes (none) cannot be read
    /// (`MDB_INCOMPATIBLE`): the walk reports it instead of declaring the file clean.
    @Test func aNamedDatabaseWithFlagsIsReported() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.pristine(in: directory)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // The main tree's leaf node for 'index': flags F_SUBDATA (2), key size 5, the key, then its MDB_db,
        // whose md_flags follow a 4-byte pad. Earlier copies of that page (free now) get the same change.
        let node: [UInt8] = [0x02, 0x00, 0x05, 0x00] + Array("index".utf8)
        let nodes = bytes.ranges(of: node)
        #expect(!nodes.isEmpty)
        for range in nodes { bytes[range.upperBound + 4] = 0x10 }
        try bytes.write(to: URL(fileURLWithPath: path))
        let env = try Environment.open(EnvironmentOptions(path: path, readOnly: true))
        defer { env.close() }
        let report = try env.checkPages()
        #expect(report.problems.first?.database == "'index'", "\(report.problems)")
        #expect(report.problems.first?.message.contains("flags 0x10") == true)
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
                do { _ = try Self.scanAll(env) } catch {
                    Issue.record("seed \(seed), trial \(trial): a clean report, but liblmdb fails: \(error)")
                }
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
