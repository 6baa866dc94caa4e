import Hummingbird
import LineageFormat
import LineageStore

extension LineageAPI {
    /// Seed 002: import history, statistics and table lineage, at the seed's own paths, and the writes that
    /// record an import.
    func addImportRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/import-history") { request, _ in
            let query = QueryParameters(request)
            let slowest = try query.integer("min_duration_seconds", default: 0, in: 0...3_155_760_000)
            let filter = ImportFilter(
                tableName: query.string("table_name"), userID: query.string("user_id"),
                status: try query.vocabulary("status", ImportStatus.self), fileHash: query.string("file_hash"),
                minDurationSeconds: slowest == 0 ? nil : Double(slowest))
            let listing = try store.imports(
                filter, limit: try query.integer("limit", default: 100, in: 1...100_000),
                offset: try query.integer("offset", default: 0, in: 0...Int.max))
            return try JSONReply.success(listing)
        }
        router.get("/import-history/:id") { _, context in
            let id = try context.parameters.path("id")
            guard let record = try store.importRecord(id) else { throw APIError.notFound("no import '\(id)'") }
            return try JSONReply.success(["import_record": record])
        }
        router.get("/import-statistics") { request, _ in
            let query = QueryParameters(request)
            let statistics = try store.importStatistics(
                days: try query.integer("days", default: 30, in: 1...36_500), tableName: query.string("table_name"),
                userID: query.string("user_id"))
            return try JSONReply.success(statistics)
        }
        router.get("/tables/:table/lineage") { _, context in
            try JSONReply.success(try store.tableLineage(try context.parameters.path("table")))
        }
        router.post("/api/imports") { request, context in
            try await perform(StartImport.self, request, context, status: .created)
        }
        router.post("/api/imports/:id/complete") { request, context in
            try await perform(CompleteImport.self, request, context, identity: \.id)
        }
        router.post("/api/imports/:id/rows") { request, context in
            try await perform(RecordImportRows.self, request, context, identity: \.id)
        }
        router.post("/api/imports/:id/rollback") { request, context in
            let id = try context.parameters.path("id")
            let body = try await RequestPayload.decode(RollbackBody.self, from: request, context: context)
            let rollback =
                if body.dryRun == true { try store.read { try $0.rollbackPlan(id) } } else {
                    try await store.write { try $0.rollbackImport(id) }
                }
            return try JSONReply.success([
                "dry_run": body.dryRun == true, "import_record": rollback.importRecord,
                "deletions": rollback.deletions,
            ])
        }
    }
}

/// The body of `POST /api/imports/{id}/rollback`.
private struct RollbackBody: Decodable {
    var dryRun: Bool?

    enum CodingKeys: String, CodingKey { case dryRun = "dry_run" }
}
