import Testing

@testable import LineageMirror

/// The mirror's tables keep the rules Citus sets for distributed tables, checked without a Citus cluster:
/// every key holds the distribution column, co-located tables are distributed after the table they follow.
struct MirrorDDLTests {
    @Test func everyKeyHoldsTheDistributionColumnAndGroupsAreDistributedInOrder() {
        var distributed: Set<String> = []
        for table in MirrorSchema.tables {
            let names = table.columns.map(\.name)
            #expect(Set(names).count == names.count, "\(table.name) names a column twice")
            if case .column(let column, let group) = table.distribution {
                #expect(names.contains(column) && table.keyColumns.contains(column), "\(table.name) by \(column)")
                for index in table.indexes where index.unique {
                    #expect(index.definition.contains(column), "\(index.name) is unique without \(column)")
                }
                if let group { #expect(distributed.contains(group), "\(table.name) follows \(group)") }
            }
            distributed.insert(table.name)
        }
        let statements = MirrorDDL.citusStatements(schema: "s")
        #expect(statements.count == MirrorSchema.tables.count + 1)
        #expect(statements.allSatisfy { $0.contains("NOT EXISTS (SELECT 1 FROM pg_dist_partition") })
        #expect(statements.contains { $0.contains("create_reference_table('s.stage_dependencies')") })
        #expect(
            statements.contains {
                $0.contains(
                    "create_distributed_table('s.document_processing_stages', 'document_id', "
                        + "colocate_with => 's.documents')")
            })
    }
}
