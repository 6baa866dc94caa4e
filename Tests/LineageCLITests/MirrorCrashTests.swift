import Foundation
import TestSupport
import Testing

/// `lineage mirror --follow` killed with `kill -9` at random points while `lineage ingest` writes the store,
/// and restarted each time: PostgreSQL ends holding exactly what the store holds, no row twice, none missing.
@Suite(.enabled(if: PostgresCluster.isAvailable, "needs a PostgreSQL server (make test installs one)"))
struct MirrorCrashTests {
    /// `LINEAGE_MIRROR_TRIALS` kills (20 by default).
    static let trials = Int(ProcessInfo.processInfo.environment["LINEAGE_MIRROR_TRIALS"] ?? "") ?? 20

    @Test(.timeLimit(.minutes(20)))
    func killedMirrorsConvergeOnTheStoreDuringALiveIngest() throws {
        var random = SeededGenerator()
        let seed = random.seed
        let bench = try MirrorBench()
        let db = bench.directory.path("live.db")
        #expect(try bench.lineage(["init"], db: db).status == 0)
        #expect(try bench.mirror(db)["position"] as? Int == 0, "the tables exist before the first kill")
        let stream = CrashRecoveryTests.stream(count: 20_000, using: &random)
        let lines = stream.split(separator: UInt8(ascii: "\n"))

        // The ingest reads a pipe the feeder fills 100 lines at a time, so the store changes all through the
        // kills.
        signal(SIGPIPE, SIG_IGN)
        let input = Pipe()
        let ingest = try LineageBinary.start(["ingest", "--db", db, "--batch-size", "200", "-"], stdin: input)
        let feeder = Thread {
            for start in stride(from: 0, to: lines.count, by: 100) {
                let slice = lines[start..<min(lines.count, start + 100)]
                input.fileHandleForWriting.write(Data(slice.joined(separator: [UInt8(ascii: "\n")]) + [10]))
                usleep(40_000)
            }
            try? input.fileHandleForWriting.close()
        }
        feeder.start()

        var positions: [Int] = []
        for round in 0..<Self.trials {
            let mirror = try LineageBinary.start([
                "mirror", bench.cluster.url, "--schema", bench.schema, "--follow", "--chunk", "250", "--db", db,
            ])
            usleep(UInt32.random(in: 300_000...1_200_000, using: &random))
            kill(mirror.processIdentifier, SIGKILL)
            mirror.waitUntilExit()
            #expect(mirror.terminationReason == .uncaughtSignal, "round \(round) ended before the kill; seed \(seed)")
            positions.append(
                Int(
                    try bench.cluster.query("SELECT max(position) FROM \(bench.schema).lineage_mirror_position").first
                        ?? "") ?? 0)
        }
        ingest.waitUntilExit()
        #expect(ingest.terminationStatus == 0, "seed \(seed)")
        #expect(Set(positions).count > Self.trials / 4, "the killed mirrors made progress: \(positions); seed \(seed)")

        let final = try bench.mirror(db)
        let feed = (try bench.json(["stats"], db: db) as? [String: Any])?["change_feed"] as? [String: Any]
        #expect(final["position"] as? Int == feed?["last_sequence"] as? Int, "the restart caught up; seed \(seed)")
        let differences = try MirrorComparison(bench, db: db).differences()
        #expect(differences.isEmpty, "\(differences.prefix(5)); seed \(seed)")
        #expect(try bench.count("job") == 30 && bench.count("lineage_job_events") > 20_000, "seed \(seed)")
    }
}
