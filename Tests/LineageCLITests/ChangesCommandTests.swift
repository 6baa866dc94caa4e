import Foundation
import TestSupport
import Testing

/// `lineage changes` prints the feed and manages its consumers, answering as the HTTP API does.
@Suite struct ChangesCommandTests {
    let directory: TemporaryDirectory
    let database: String

    init() throws {
        directory = try TemporaryDirectory()
        database = directory.path("changes.db")
        #expect(try LineageBinary.run(["init", "--db", database]).status == 0)
    }

    func lineage(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, stdout: String, stderr: String)
    {
        let result = try LineageBinary.run(arguments + ["--db", database], stdin: stdin.map { Data($0.utf8) })
        return (result.status, result.stdout, result.stderr)
    }

    func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test func theFeedListsEveryWriteWithItsRecordAndAConsumerMovesPastWhatItRead() throws {
        #expect(
            try lineage(["jobs", "start", #"{"id": "j1", "website_id": "w", "process_type": "sync"}"#]).status == 0)
        #expect(try lineage(["jobs", "complete", "j1"]).status == 0)
        let lines = try lineage(["changes", "--format", "jsonl"]).stdout.split(separator: "\n").map { json(String($0)) }
        #expect(lines.map { $0["sequence"] as? Int } == [1, 2])
        #expect(lines.map { $0["kind"] as? String } == ["job", "job"])
        #expect(lines.allSatisfy { ($0["record"] as? [String: Any])?["status"] as? String == "completed" })
        #expect(lines.first?["key"] as? [String] == ["j1"])
        let table = try lineage(["changes", "list", "--since", "1"]).stdout.split(separator: "\n")
        #expect(table.count == 2 && table[0].hasPrefix("SEQUENCE"))
        let columns: [String] = table[1].split(separator: " ").map(String.init)
        #expect(columns.count == 5 && columns[0] == "2" && Array(columns[2...]) == ["put", "job", "j1"])
        #expect(table[1].hasPrefix("       2  "))

        let registered = json(try lineage(["changes", "register", "indexer", "--from-start"]).stdout)
        #expect((registered["consumer"] as? [String: Any])?["position"] as? Int == 0)
        let read = try lineage(["changes", "--consumer", "indexer", "--format", "jsonl", "--limit", "1"])
        #expect(read.stdout.split(separator: "\n").count == 1)
        let consumers = try lineage(["changes", "consumers", "--format", "json"]).stdout
        let listed = (try? JSONSerialization.jsonObject(with: Data(consumers.utf8))) as? [[String: Any]] ?? []
        #expect(listed.first?["name"] as? String == "indexer" && listed.first?["position"] as? Int == 1)

        #expect(
            try lineage(["jobs", "start", #"{"id": "j2", "website_id": "w", "process_type": "sync"}"#]).status == 0)
        let refused = try lineage(["changes", "prune", "--through", "2"])
        #expect(refused.status != 0 && refused.stderr.contains("indexer at 1"))
        let forced = json(try lineage(["changes", "prune", "--through", "2", "--force"]).stdout)
        #expect((forced["pruned"] as? [String: Any])?["overtaken"] as? [String] == ["indexer"])
        let gone = try lineage(["changes", "--since", "0"])
        #expect(gone.status == 1 && gone.stderr.contains("removed by retention"))
        #expect(try lineage(["changes", "remove", "indexer"]).status == 0)
        let missing = try lineage(["changes", "move", "indexer", "2"])
        #expect(missing.status != 0 && missing.stderr.contains("no change consumer named indexer"))
        let stats = try lineage(["stats"]).stdout
        #expect(stats.contains("change feed 3…3, no consumers") && stats.contains("store 0"))
    }
}
