import ArgumentParser
import LineageFormat
import LineageStore

/// `lineage stages`: documents in the processing-stage DAG.
struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages", abstract: "Inspect documents in the processing stages and the stage graph.",
        subcommands: [
            Show.self, Next.self, Waiting.self, Outputs.self, Workflows.self, History.self, Graph.self, Path.self,
            Define.self, NewDocument.self, Start.self, Complete.self, Fail.self, Skip.self, Rerun.self, Output.self,
            RemoveDocument.self,
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
                        "workflow \(workflow.workflowType.rawValue): \(workflow.completedStages)/\(workflow.totalStages) "
                        + "stages done, current \(workflow.currentStage.isEmpty ? "-" : workflow.currentStage), "
                        + "started \(Human.time(workflow.startedAt)), completed \(Human.time(workflow.completedAt))\n\n"
                }
                var table = TextTable(
                    "STAGE", "STATUS", "STARTED", "COMPLETED", "RETRIES", "RERUNS", "ERROR", "METADATA",
                    numeric: [4, 5])
                for stage in stages {
                    table.add(
                        stage.stage, stage.status.rawValue, Human.time(stage.startedAt), Human.time(stage.completedAt),
                        String(stage.retryCount), String(stage.rerunCount),
                        stage.errorMessage.isEmpty ? "-" : stage.errorMessage, stage.metadata ?? "-")
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

    struct Outputs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "outputs", abstract: "Every output a stage wrote, across documents (or of one --file-type).")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The stage.") var stage: String
        @Option(help: "Only outputs of this file type (markdown, chunks_json, …).") var fileType: String?
        @OptionGroup var paging: PagingOptions

        func run() throws {
            try inspect(location) { store in
                let page = try store.stageOutputs(
                    atStage: stage, fileType: fileType, limit: paging.limit, cursor: paging.cursor)
                var table = TextTable("DOCUMENT", "FILE TYPE", "OUTPUT", "SIZE", "CREATED")
                for file in page.records {
                    table.add(
                        file.documentID, file.fileType ?? "-", file.path, humanBytes(Double(file.size)),
                        Human.time(file.createdAt))
                }
                try output.output.print(page.records, table: table)
                paging.printNext(page.nextCursor, format: output.format)
            }
        }
    }

    struct Workflows: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workflows",
            abstract: "Documents' workflows by where they stand (a stage, or completed), optionally of one type.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Option(help: "Only workflows whose current stage is this (a stage name, or completed).")
        var currentStage: String?
        @Option(help: "Only workflows of this type (manual, automatic).") var type: String?
        @OptionGroup var paging: PagingOptions

        func run() throws {
            try inspect(location) { store in
                let page = try store.workflows(
                    currentStage: currentStage, type: type.map(WorkflowType.init(rawValue:)), limit: paging.limit,
                    cursor: paging.cursor)
                var table = TextTable("DOCUMENT", "TYPE", "CURRENT", "DONE", "STARTED", "COMPLETED")
                for workflow in page.records {
                    table.add(
                        workflow.documentID, workflow.workflowType.rawValue,
                        workflow.currentStage.isEmpty ? "-" : workflow.currentStage,
                        "\(workflow.completedStages)/\(workflow.totalStages)", Human.time(workflow.startedAt),
                        Human.time(workflow.completedAt))
                }
                try output.output.print(page.records, table: table)
                paging.printNext(page.nextCursor, format: output.format)
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "A document's finished stage runs, oldest first: completions, failures, skips, reruns.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The document id.") var document: String

        func run() throws {
            try inspect(location) { store in
                guard try store.document(document) != nil else {
                    throw StoreError(.notFound, "no document \(document) in \(store.path)")
                }
                let runs = try store.stageHistory(documentID: document)
                var table = TextTable(
                    "#", "STAGE", "STATUS", "STARTED", "ENDED", "RETRY", "RERUN", "ERROR", numeric: [0, 5, 6])
                for run in runs {
                    table.add(
                        String(run.sequence), run.stage, run.status.rawValue, Human.time(run.startedAt),
                        Human.time(run.completedAt), String(run.retryCount), String(run.rerunCount),
                        run.errorMessage ?? "-")
                }
                try output.output.print(runs, table: table)
            }
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path",
            abstract: "Where a stage's file goes in the seed's layout: documents/ID/stages/STAGE/FILE.",
            discussion: """
                Prints the path relative to the storage root (what 'stages output' records), or with --root the \
                absolute path, checked to stay inside the root even through symbolic links.
                """)
        @Argument(help: "The document id.") var document: String
        @Argument(help: "The stage, or 'original' for the uploaded file.") var stage: String
        @Argument(help: "The file name.") var file: String
        @Option(help: "The storage root (the seed's uploads/).") var root: String?

        func run() throws {
            do {
                let relative =
                    stage == "original"
                    ? try StorageLayout.originalFile(documentID: document, fileName: file)
                    : try StorageLayout.stageFile(documentID: document, stage: stage, fileName: file)
                print(try root.map { try StorageLayout(root: $0).absolutePath(relative) } ?? relative)
            } catch let error as StoreError where error.code == .invalidInput {
                throw ValidationError(error.message)
            } catch {
                throw fail(error)
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
