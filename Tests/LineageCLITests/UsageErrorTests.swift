import Foundation
import TestSupport
import Testing

/// Options out of range, unknown vocabulary values and unknown kinds are usage errors (exit 64) with a message
/// naming the value, never a trap or a silent empty result.
@Suite struct UsageErrorTests {
    @Test(arguments: [
        (["jobs", "list", "--since", "99999999999d"], "100 years"),
        (["jobs", "list", "--since", "9223372036854775807s"], "100 years"),
        (["imports", "list", "--since", "99999999999999d"], "100 years"),
        (["imports", "stats", "--days", "9223372036854775807"], "days"),
        (["imports", "stats", "--days", "0"], "days"),
        (["imports", "purge", "--older-than", "9223372036854775807"], "days"),
        (["imports", "purge", "--older-than", "-1"], "days"),
        (["jobs", "list", "--status", "bogus"], "bogus"),
        (["jobs", "list", "--type", "bogus"], "bogus"),
        (["imports", "list", "--status", "done"], "done"),
        (["stages", "waiting", "chunker", "--status", "nope"], "nope"),
        (["export", "--kind", "nope"], "nope"),
        (["ingest", "--writer-cache", "9223372036854775807", "/dev/null"], "--writer-cache"),
        (["serve", "--writer-cache", "-1"], "--writer-cache"),
    ])
    func outOfRangeOptionsAreUsageErrors(arguments: [String], named: String) throws {
        let directory = try TemporaryDirectory()
        let db = ["--db", directory.path("usage.db")]
        #expect(try LineageBinary.run(["init"] + db).status == 0)
        let result = try LineageBinary.run(arguments + db)
        #expect(result.status == 64, "\(arguments): exit \(result.status), \(result.stderr)")
        #expect(result.stderr.contains(named), "\(result.stderr)")
    }
}
