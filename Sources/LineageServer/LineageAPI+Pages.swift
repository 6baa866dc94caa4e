import Hummingbird
import LineageFormat
import LineageStore

extension LineageAPI {
    /// Seed 000: a page's lineage — which job created it, last changed it, failed it, and from which batch.
    func addPageRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/api/pages/:id") { _, context in
            let id = try context.parameters.path("id")
            guard let page = try store.page(id: id) else { throw APIError.notFound("no page '\(id)'") }
            return try JSONReply.success(["page": page])
        }
        router.get("/api/pages/:id/trace") { request, context in
            let id = try context.parameters.path("id")
            let query = QueryParameters(request)
            let asOf = try query.time("as_of")
            let asOfJob = query.string("as_of_job")
            if asOf != nil && asOfJob != nil {
                throw APIError.badRequest("give 'as_of' or 'as_of_job', not both")
            }
            return try store.read { snapshot in
                let trace = try snapshot.trace(pageID: id)
                guard asOf != nil || asOfJob != nil else { return try JSONReply.success(trace) }
                let state =
                    if let asOfJob { try snapshot.pageState(id: id, asOfJob: asOfJob) } else {
                        try snapshot.pageState(id: id, asOf: asOf!)
                    }
                return try JSONReply.success(["page_id": id, "state": state])
            }
        }
        router.get("/api/pages") { request, _ in
            let query = QueryParameters(request)
            let selection = try pageSelection(query)
            let page = try store.pages(
                selection, limit: try query.integer("limit", default: 100, in: 1...10_000),
                cursor: query.string("cursor"))
            return try JSONReply.success(["pages": page.records, "next_cursor": page.nextCursor])
        }
    }

    /// The one selection the query names: `created_by`, `updated_by`, `failed_by`, `firecrawl_batch_id` (or `batch`), or `status` with
    /// `website`.
    private func pageSelection(_ query: QueryParameters) throws -> PageSelection {
        var selections: [PageSelection] = []
        if let job = query.string("created_by") { selections.append(.createdBy(job)) }
        if let job = query.string("updated_by") { selections.append(.updatedBy(job)) }
        if let job = query.string("failed_by") { selections.append(.failedBy(job)) }
        if let batch = query.string("firecrawl_batch_id") ?? query.string("batch") { selections.append(.batch(batch)) }
        if let status = try query.vocabulary("status", PageStatus.self) {
            guard let website = query.string("website") else {
                throw APIError.badRequest("query parameter 'status' needs 'website' too")
            }
            selections.append(.status(websiteID: website, status))
        }
        guard selections.count == 1 else {
            throw APIError.badRequest(
                "give exactly one of 'created_by', 'updated_by', 'failed_by', 'firecrawl_batch_id', or 'status' with 'website'"
            )
        }
        return selections[0]
    }
}
