import Foundation
import FuzzTargets
import Testing

/// Every input of the fuzzers' seed corpus and every finding kept as a regression (`Tests/Fuzz`) runs through
/// its target without stopping the process: the properties the fuzzers check hold on all of them.
@Suite struct FuzzCorpusTests {
    static let fuzzDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    static func inputs(_ folder: String, _ target: FuzzTarget) throws -> [URL] {
        let directory = fuzzDirectory.appendingPathComponent(folder).appendingPathComponent(target.name)
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
    }

    @Test(arguments: FuzzTarget.all.map(\.name))
    func seedCorpusAndRegressionsHold(target name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let seeds = try Self.inputs("Corpus", target)
        #expect(seeds.count >= 10, "the seed corpus of \(name) is missing")
        for input in seeds + (try Self.inputs("Regressions", target)) {
            target.run(Array(try Data(contentsOf: input)))
        }
    }
}
