import Foundation
import TestSupport
import Testing

@Suite struct DemoCommandTests {
    @Test func demoWritesARealDatabaseAndReportsWhatItRecorded() throws {
        let directory = try TemporaryDirectory()
        let db = directory.path("demo.db")
        let result = try LineageBinary.run(["demo", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("6 of 6 answered from the stat cache"))
        #expect(result.stdout.contains("customers (1).csv"))
        #expect(result.stdout.contains("from cache = false"))
        #expect(result.stdout.contains("content      6 records"))
        #expect(result.stdout.contains("sighting     7 records"))
        #expect(FileManager.default.fileExists(atPath: db))

        let again = try LineageBinary.run(["demo", "--db", db])
        #expect(again.status == 1, "an existing database is not overwritten without --fresh")
        #expect(again.stderr.contains("--fresh"))

        if FileManager.default.isExecutableFile(atPath: "/usr/bin/mdb_stat") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/mdb_stat")
            process.arguments = ["-n", "-a", db]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(output.contains("Status of records"))
        }
    }
}
