import ArgumentParser
import LineageFormat
import LineageStore

/// `lineage stages`: documents in the processing-stage DAG.
struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages", abstract: "Inspect documents in the processing stages and the stage graph.",
        subcommands: [
            Show.self, Next.self, Waiting.self, Graph.self, Define.self, NewDocument.self, Start.self, Complete.self,
            Fail.self,
            Skip.self, Output.self,
        ])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "A document's state at every stage, its workflow and outputs.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The document id.") var document: String

        func run() throws {
            try inspect(location) { store in
                let overview = try store.documentOverview(document)
                let (record, workflow, stages, outputs) =
                    (overview.document, overview.workflow, overview.stages, overview.outputs)
                var text = "\(record.id)  \(record.title)  (realm \(record.realm.isEmpty ? "-" : record.realm))\n"
                if let workflow {
                    text +=
                        "workflow \(workflow.workflowType): \(workflow.completedStages)/\(workflow.totalStages) stages done, "
                        + "current \(workflow.currentStage.isEmpty ? "-" : workflow.currentStage)\n\n"
                }
                var table = TextTable("STAGE", "STATUS", "STARTED", "COMPLETED", "RETRIES", "ERROR", numeric: [4])
                for stage in stages {
                    table.add(
                        stage.stage, stage.status.rawValue, Human.time(stage.startedAt), Human.time(stage.completedAt),
                        String(stage.retryCount), stage.errorMessage.isEmpty ? "-" : stage.errorMessage)
                }
                var files = TextTable("STAGE", "OUTPUT", "SIZE", "FILE TYPE", "MIME TYPE", "SHA-256")
                for file in outputs {
                    files.add(
                        file.stage, file.path, humanBytes(Double(file.size)),
                        file.fileType ?? "-",
                        file.mimeType,
                        String(Hex.encode(file.sha256).prefix(16)) + "…")
                }
                try output.output.printOne(
                    overview, table: text + table.render() + (outputs.isEmpty ? "" : "\n" + files.render()))
            }
        }
    }

    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "next", abstract: "The stages of a document that may start now.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The document id.") var document: String

        func run() throws {
            try inspect(location) { store in
                let next = try store.documentOverview(document).runnableStages
                var table = TextTable("STAGE")
                for stage in next { table.add(stage) }
                try output.output.print(next.map { ["stage": $0] }, table: table)
            }
        }
    }

    struct Waiting: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "waiting",
            abstract: "Documents whose state at a stage is pending (or --status).")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The stage.") var stage: String
        @Option(help: "The state to list.") var status: StageStatus = .pending
        @OptionGroup var paging: PagingOptions

        func run() throws {
            try inspect(location) { store in
                let page = try store.documents(
                    atStage: stage, status: status, limit: paging.limit, cursor: paging.cursor)
                var table = TextTable("DOCUMENT", "STATUS", "RETRIES", "UPDATED", numeric: [2])
                let now = store.clock.now()
                for state in page.records {
                    table.add(
                        state.documentID, state.status.rawValue, String(state.retryCount),
                        Human.relative(state.updatedAt, now: now))
                }
                try output.output.print(page.records, table: table)
                paging.printNext(page.nextCursor, format: output.format)
            }
        }
    }

    struct Graph: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "graph", abstract: "The stage DAG as Graphviz dot or Mermaid.")
        enum Style: String, ExpressibleByArgument, CaseIterable { case dot, mermaid }
        @OptionGroup var location: StoreLocation
        @Option(help: "dot or mermaid.") var format: Style = .dot

        func run() throws {
            try inspect(location) { store in
                let graph = try store.stageGraph()
                print(format == .dot ? graph.dot : graph.mermaid, terminator: "")
            }
        }
    }
}
