import Foundation
import TestSupport
import Testing

@Suite struct HashCommandTests {
    static let abcSHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    static let abcXXH3 = "06b05ab6733a618578af5f94892f3950"

    @Test func tablePrintsBothDigestsPerFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("abc.txt")
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        let result = try LineageBinary.run(["hash", path])
        #expect(result.status == 0)
        #expect(result.stdout == "\(Self.abcSHA256)  \(Self.abcXXH3)  \(path)\n")
        #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
    }

    @Test func jsonAndStandardInput() throws {
        let result = try LineageBinary.run(["hash", "-", "--format", "json"], stdin: Data("abc".utf8))
        #expect(result.status == 0)
        let objects = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        #expect(objects.count == 1)
        #expect(objects[0]["sha256"] as? String == Self.abcSHA256)
        #expect(objects[0]["xxh3_128"] as? String == Self.abcXXH3)
        #expect(objects[0]["size"] as? Int == 3)
        #expect(objects[0]["file"] as? String == "-")
    }

    @Test func aMissingFileFailsWithExitOneNamingItAndOthersStillPrint() throws {
        let directory = try TemporaryDirectory()
        let good = directory.path("good.txt")
        try Data("abc".utf8).write(to: URL(fileURLWithPath: good))
        let missing = directory.path("missing.txt")
        let result = try LineageBinary.run(["hash", "--xxh3-only", "--format", "jsonl", missing, good])
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing.txt"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(object["xxh3_128"] as? String == Self.abcXXH3)
        #expect(object["sha256"] == nil)
    }

    @Test func registerUsesTheDatabaseAndItsStatCache() throws {
        let directory = try TemporaryDirectory()
        let db = directory.path("registry.db")
        let path = directory.path("data.csv")
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: path))
        let first = try LineageBinary.run(
            ["hash", "--register", "--format", "jsonl", path], environment: ["LINEAGE_DB": db])
        #expect(first.status == 0)
        #expect(first.stdout.contains("\"from_cache\":false"))
        let second = try LineageBinary.run(["hash", "--register", "--format", "jsonl", "--db", db, path])
        #expect(second.stdout.contains("\"from_cache\":true"))
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func usageErrorsExit64AndVersionPrints() throws {
        let usage = try LineageBinary.run(["hash"])
        #expect(usage.status == 64)
        let badFormat = try LineageBinary.run(["hash", "--format", "xml", "-"])
        #expect(badFormat.status == 64)
        let version = try LineageBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("LineageStore "))
    }
}
