import Foundation
import TestSupport
import Testing

/// After `lineage demo`, every mirrored table holds exactly the rows the exported records make, column by
/// column, and what PostgreSQL derives (timelines, error lists, `is_crawling`) agrees with the export.
@Suite(.enabled(if: PostgresCluster.isAvailable, "needs a PostgreSQL server (make test installs one)"))
struct MirrorFidelityTests {
    @Test func afterTheDemoEveryTableHoldsExactlyTheExportedRecords() throws {
        let bench = try MirrorBench()
        let db = bench.directory.path("demo.db")
        #expect(try bench.lineage(["demo"], db: db).status == 0)
        let report = try bench.mirror(db)
        #expect(report["applied"] as? Int ?? 0 > 40_000)
        let comparison = try MirrorComparison(bench, db: db)
        #expect(comparison.exported["page"]?.count ?? 0 > 1_000 && comparison.exported["event"]?.count ?? 0 > 1_000)
        let differences = try comparison.differences()
        #expect(differences.isEmpty, "\(differences.prefix(5))")
        #expect(try bench.mirror(db)["applied"] as? Int == 0, "a second run applies nothing")
    }
}
