import Foundation
import LMDB
import TestSupport
import Testing

@Suite struct MapGrowthTests {
    @Test func aTinyMapAbsorbs100MBOfWritesWithoutAnErrorReachingTheCaller() throws {
        let directory = try TemporaryDirectory()
        let env = try Environment.open(EnvironmentOptions(path: directory.path("tiny.lineage"), mapSize: 64 << 10))
        let db = try env.openDatabase("records")
        let value = [UInt8](repeating: 0x5A, count: 64 << 10)
        var written = 0
        var transaction = 0
        while written < 100_000_000 {
            try env.write { txn in
                for index in 0..<16 {
                    try txn.put(value, forKey: Array("t\(transaction)-\(index)".utf8), in: db)
                }
            }
            written += 16 * value.count
            transaction += 1
        }
        #expect(env.growths > 5)
        #expect(try env.info().mapSize >= 100_000_000)
        #expect(try env.read { try $0.count(db) } == transaction * 16)
        #expect(try env.read { try $0.value(in: db, forKey: Array("t0-0".utf8)) } == value)
    }

    @Test func growthStopsAtTheCeilingWithMapFullAndKeepsCommittedData() throws {
        let directory = try TemporaryDirectory()
        let env = try Environment.open(
            EnvironmentOptions(path: directory.path("capped.lineage"), mapSize: 64 << 10, maxMapSize: 1 << 20))
        let db = try env.openDatabase("records")
        try env.write { try $0.put([1], forKey: [1], in: db) }
        #expect {
            try env.write { txn in
                for index in 0..<64 {
                    try txn.put([UInt8](repeating: 0, count: 32 << 10), forKey: [2, UInt8(index)], in: db)
                }
            }
        } throws: { error in
            let error = error as! LMDBError
            return error.code == .mapFull && error.message.contains("ceiling")
        }
        #expect(try env.read { try $0.value(in: db, forKey: [1]) } == [1])
        #expect(try env.read { try $0.count(db) } == 1)
    }

    @Test func growthByAnotherProcessIsAdopted() throws {
        let tool = "/usr/bin/mdb_load"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return }
        let directory = try TemporaryDirectory()
        let path = directory.path("shared.lineage")
        let env = try Environment.open(EnvironmentOptions(path: path, mapSize: 1 << 20))
        let db = try env.openDatabase("records")
        try env.write { try $0.put([1], forKey: [1], in: db) }
        // Enough data (about 3 MB) that the other process's map must be larger than ours.
        let value = String(repeating: "ab", count: 8_192)
        let entries = (0..<400).map { String(format: " %08x\n %@\n", $0, value) }.joined()
        let dump = "VERSION=3\nformat=bytevalue\ntype=btree\nmapsize=67108864\nHEADER=END\n" + entries + "DATA=END\n"
        let dumpPath = directory.path("dump.txt")
        try dump.write(toFile: dumpPath, atomically: true, encoding: .utf8)
        let result = try runProcess(tool, ["-n", "-s", "extra", "-f", dumpPath, path])
        #expect(result.status == 0, "\(result.stdout)")
        let extra = try env.openDatabase("extra")
        #expect(try env.info().mapSize == 64 << 20)
        #expect(try env.read { try $0.count(extra) } == 400)
        try env.write { try $0.put([2], forKey: [2], in: db) }
    }
}
