import LineageFormat

/// The stage DAG: definitions by name, checked for unknown dependencies and cycles.
public struct StageGraph: Sendable {
    /// The stages in definition order (by position, then name).
    public let stages: [StageDefinitionRecord]

    /// Builds and checks a graph.
    /// - Throws: `.invalidInput` for an empty or repeated name, a dependency on an unknown stage or on
    ///   itself, or a cycle — naming the cycle, e.g. `chunker → fact-generator → chunker`.
    public init(_ definitions: [StageDefinitionRecord]) throws {
        var byName: [ExactString: StageDefinitionRecord] = [:]
        for definition in definitions {
            try Validation.identifier(definition.name, "stage name")
            guard byName.updateValue(definition, forKey: ExactString(definition.name)) == nil else {
                throw StoreError(.invalidInput, "stage \(definition.name) is defined twice")
            }
        }
        for definition in definitions {
            for dependency in definition.dependsOn where byName[ExactString(dependency)] == nil {
                throw StoreError(.invalidInput, "stage \(definition.name) depends on unknown stage \(dependency)")
            }
        }
        if let cycle = Self.cycle(in: byName) {
            throw StoreError(.invalidInput, "stage dependencies form a cycle: \(cycle.joined(separator: " → "))")
        }
        stages = definitions.sorted {
            $0.position != $1.position ? $0.position < $1.position : ExactString($0.name) < ExactString($1.name)
        }
    }

    /// The definition of `name` (compared by its bytes), or `nil`.
    public func stage(_ name: String) -> StageDefinitionRecord? {
        let name = ExactString(name)
        return stages.first { ExactString($0.name) == name }
    }

    /// `name` and every stage that depends on it, directly or through others, in definition order.
    public func downstream(of name: String) -> [StageDefinitionRecord] {
        var reached: Set<ExactString> = [ExactString(name)]
        var grew = true
        while grew {
            grew = false
            for stage in stages where !reached.contains(ExactString(stage.name)) {
                if stage.dependsOn.contains(where: { reached.contains(ExactString($0)) }) {
                    reached.insert(ExactString(stage.name))
                    grew = true
                }
            }
        }
        return stages.filter { reached.contains(ExactString($0.name)) }
    }

    /// A cycle as a closed path of names, or `nil` if the graph is acyclic: a depth-first search with an
    /// explicit stack, so a chain of any length is checked without exhausting the thread's stack.
    private static func cycle(in graph: [ExactString: StageDefinitionRecord]) -> [String]? {
        enum Mark { case visiting, done }
        var marks: [ExactString: Mark] = [:]
        for root in graph.keys.sorted() where marks[root] == nil {
            // The path from `root`, each stage with the index of its next dependency to visit.
            var path: [(name: ExactString, next: Int)] = [(root, 0)]
            marks[root] = .visiting
            while let (name, next) = path.last {
                let dependencies = graph[name]?.dependsOn ?? []
                guard next < dependencies.count else {
                    marks[name] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let dependency = ExactString(dependencies[next])
                switch marks[dependency] {
                case .done: continue
                case .visiting:
                    let start = path.firstIndex { $0.name == dependency }!
                    return path[start...].map(\.name.string) + [dependency.string]
                case nil:
                    marks[dependency] = .visiting
                    path.append((dependency, 0))
                }
            }
        }
        return nil
    }

    /// The stages of a document that may start now: pending, or failed with retries left, whose required
    /// dependencies are completed and optional dependencies completed or skipped. In definition order.
    public func runnable(_ states: [ExactString: DocumentStageRecord]) -> [String] {
        stages.filter { stage in
            let state = states[ExactString(stage.name)]
            let status = state?.status ?? .pending
            guard status == .pending || (status == .failed && (state?.retryCount ?? 0) < stage.maxRetries) else {
                return false
            }
            return stage.dependsOn.allSatisfy { dependency in
                let done = states[ExactString(dependency)]?.status
                return done == .completed || (done == .skipped && self.stage(dependency)?.isOptional == true)
            }
        }
        .map(\.name)
    }
}
