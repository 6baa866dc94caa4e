import Foundation
import TestSupport
import Testing

/// Outputs that cannot be written are errors (exit 1) that leave no partial file; inputs that are not what a
/// command reads (a directory, an empty database, a FIFO) are refused with a message naming them.
@Suite struct OutputAndInputFileTests {
    /// A database with the demo's records.
    static func demo() throws -> (TemporaryDirectory, [String]) {
        let directory = try TemporaryDirectory()
        let db = ["--db", directory.path("demo.db")]
        #expect(try LineageBinary.run(["demo", "--fresh"] + db).status == 0)
        return (directory, db)
    }

    /// Runs `lineage arguments` with standard output sent to `/dev/full`.
    static func runIntoFullDevice(_ arguments: [String]) throws -> ProcessResult {
        let quoted = ([LineageBinary.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try runProcess("/bin/sh", ["-c", "\(quoted) > /dev/full"])
    }

    @Test(arguments: [["jobs", "list"], ["export"]])
    func outputThatCannotBeWrittenExitsOne(command: [String]) throws {
        let (directory, db) = try Self.demo()
        _ = directory
        let result = try Self.runIntoFullDevice(command + db)
        #expect(result.status == 1, "\(command): exit \(result.status)")
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
    }

    @Test func exportRefusesAnExistingFileUnlessForcedAndLeavesNoTemporaryFile() throws {
        let (directory, db) = try Self.demo()
        let output = directory.path("records.jsonl")
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: output))
        let refused = try LineageBinary.run(["export", "-o", output] + db)
        #expect(refused.status == 1 && refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me\n")
        let forced = try LineageBinary.run(["export", "-o", output, "--force"] + db)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count > 1_000)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter {
            $0.hasSuffix(".tmp")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func directoriesEmptyDatabasesAndFIFOsAreRefusedByName() throws {
        let directory = try TemporaryDirectory()
        let db = directory.path("a.db")
        let ingest = try LineageBinary.run(["ingest", "--db", db, directory.url.path])
        #expect(
            ingest.status == 1 && ingest.stderr.contains("\(directory.url.path) is a directory"), "\(ingest.stderr)")
        let empty = directory.path("empty.db")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        for command in [["jobs", "list"], ["init"], ["verify"]] {
            let result = try LineageBinary.run(command + ["--db", empty])
            #expect(result.status == 1 && result.stderr.contains("is empty: not a LineageStore database"))
        }
        let fifo = directory.path("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let hash = try LineageBinary.run(["hash", fifo])
        #expect(hash.status == 1 && hash.stderr.contains("not a regular file"), "\(hash.stderr)")
    }
}
