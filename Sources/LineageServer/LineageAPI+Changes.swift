import Hummingbird
import LineageStore

extension LineageAPI {
    /// The change feed and its consumers, for a reader in another language (a mirror, an indexer).
    func addChangeRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/api/changes") { request, _ in
            let query = QueryParameters(request)
            let since = try query.integer("since", default: 0, in: 0...Int.max)
            let limit = try query.integer("limit", default: 1_000, in: 1...10_000)
            let (changes, last) = try store.read {
                (try $0.changes(after: UInt64(since), limit: limit), try $0.lastChangeSequence())
            }
            return try JSONReply.success(status: .ok, ["changes": changes, "last_sequence": last])
        }
        router.get("/api/changes/consumers") { _, _ in
            try JSONReply.success(["consumers": try store.read { try $0.changeConsumers() }])
        }
        router.post("/api/changes/consumers") { request, context in
            try await perform(RegisterChangeConsumer.self, request, context, status: .created)
        }
        router.post("/api/changes/consumers/:id") { request, context in
            try await perform(MoveChangeConsumer.self, request, context, identity: \.name)
        }
        router.delete("/api/changes/consumers/:id") { _, context in
            try await perform(RemoveChangeConsumer(name: try context.parameters.path("id")))
        }
        router.post("/api/changes/prune") { request, context in try await perform(PruneChanges.self, request, context) }
    }
}
