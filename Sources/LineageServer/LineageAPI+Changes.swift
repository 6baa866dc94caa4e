import Hummingbird
import LineageStore

extension LineageAPI {
    /// The change feed and its consumers, for a reader in another language (a mirror, an indexer). A read
    /// with `wait=SECONDS` (up to 60) waits that long for an entry after `since` before answering none.
    func addChangeRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/api/changes") { request, _ in
            let query = QueryParameters(request)
            let since = try query.integer("since", default: 0, in: 0...Int.max)
            let limit = try query.integer("limit", default: 1_000, in: 1...10_000)
            let wait = try query.integer("wait", default: 0, in: 0...60)
            let deadline = ContinuousClock.now + .seconds(wait)
            while true {
                let (changes, last) = try store.read {
                    (try $0.changes(after: UInt64(since), limit: limit), try $0.lastChangeSequence())
                }
                if !changes.isEmpty || ContinuousClock.now >= deadline {
                    return try JSONReply.success(status: .ok, ["changes": changes, "last_sequence": last])
                }
                try await Task.sleep(for: .milliseconds(50))
            }
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
