import LineageFormat

/// The stage DAG: definitions by name, checked for unknown dependencies and cycles.
public struct StageGraph: Sendable {
    /// The stages in definition order (by position, then name).
    public let stages: [StageDefinitionRecord]

    /// Builds and checks a graph.
    /// - Throws: `.invalidInput` for an empty or repeated name, a dependency on an unknown stage or on
    ///   itself, or a cycle — naming the cycle, e.g. `chunker → fact-generator → chunker`.
    public init(_ definitions: [StageDefinitionRecord]) throws {
        var byName: [String: StageDefinitionRecord] = [:]
        for definition in definitions {
            try Validation.identifier(definition.name, "stage name")
            guard byName.updateValue(definition, forKey: definition.name) == nil else {
                throw StoreError(.invalidInput, "stage \(definition.name) is defined twice")
            }
        }
        for definition in definitions {
            for dependency in definition.dependsOn where byName[dependency] == nil {
                throw StoreError(.invalidInput, "stage \(definition.name) depends on unknown stage \(dependency)")
            }
        }
        if let cycle = Self.cycle(in: byName) {
            throw StoreError(.invalidInput, "stage dependencies form a cycle: \(cycle.joined(separator: " → "))")
        }
        stages = definitions.sorted { ($0.position, $0.name) < ($1.position, $1.name) }
    }

    /// The definition of `name`, or `nil`.
    public func stage(_ name: String) -> StageDefinitionRecord? { stages.first { $0.name == name } }

    /// A cycle as a closed path of names, or `nil` if the graph is acyclic.
    private static func cycle(in graph: [String: StageDefinitionRecord]) -> [String]? {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            switch marks[name] {
            case .done: return nil
            case .visiting:
                let start = path.firstIndex(of: name)!
                return Array(path[start...]) + [name]
            case nil: break
            }
            marks[name] = .visiting
            path.append(name)
            for dependency in graph[name]?.dependsOn ?? [] {
                if let cycle = visit(dependency) { return cycle }
            }
            path.removeLast()
            marks[name] = .done
            return nil
        }
        for name in graph.keys.sorted() {
            if let cycle = visit(name) { return cycle }
        }
        return nil
    }

    /// The stages of a document that may start now: pending, or failed with retries left, whose required
    /// dependencies are completed and optional dependencies completed or skipped. In definition order.
    public func runnable(_ states: [String: DocumentStageRecord]) -> [String] {
        stages.filter { stage in
            let state = states[stage.name]
            let status = state?.status ?? .pending
            guard status == .pending || (status == .failed && (state?.retryCount ?? 0) < stage.maxRetries) else {
                return false
            }
            return stage.dependsOn.allSatisfy { dependency in
                let done = states[dependency]?.status
                return done == .completed || (done == .skipped && self.stage(dependency)?.isOptional == true)
            }
        }
        .map(\.name)
    }
}
