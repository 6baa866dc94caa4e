extension StageGraph {
    /// The DAG in Graphviz's DOT language (optional stages dashed): `lineage stages graph | dot -Tsvg`.
    public var dot: String {
        var text = "digraph stages {\n  rankdir=LR;\n"
        for stage in stages {
            text += "  \"\(stage.name)\"\(stage.isOptional ? " [style=dashed]" : "");\n"
            for dependency in stage.dependsOn { text += "  \"\(dependency)\" -> \"\(stage.name)\";\n" }
        }
        return text + "}\n"
    }

    /// The DAG as a Mermaid flowchart (optional stages labelled so), for Markdown that renders Mermaid.
    public var mermaid: String {
        var ids: [String: String] = [:]
        for (index, stage) in stages.enumerated() { ids[stage.name] = "s\(index)" }
        var text = "flowchart LR\n"
        for stage in stages {
            let label = stage.isOptional ? "\(stage.name) (optional)" : stage.name
            text += "  \(ids[stage.name]!)[\"\(label)\"]\n"
        }
        for stage in stages {
            for dependency in stage.dependsOn { text += "  \(ids[dependency]!) --> \(ids[stage.name]!)\n" }
        }
        return text
    }
}
