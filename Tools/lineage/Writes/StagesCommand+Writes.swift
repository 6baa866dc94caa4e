import ArgumentParser
import LineageServer
import LineageStore

extension StagesCommand {
    struct Define: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "define",
            abstract: "Add or replace stage definitions, or install the seed's default pipeline.",
            discussion: #"""
                The body of POST /api/stages: '{"stages": [{"name": "ocr", "depends_on": ["upload"], "optional": false, \
                "max_retries": 3, "description": "…"}]}' or '{"default_pipeline": true}'.
                """#)
        @OptionGroup var request: JSONRequest

        func run() throws { try request.perform(DefineStages.self) }
    }

    struct NewDocument: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-document", abstract: "Add a document with every defined stage pending.",
            discussion: #"The body of POST /api/documents: '{"document_id": "doc-1", "title": "…", "realm": "…"}'."#)
        @OptionGroup var request: JSONRequest

        func run() throws { try request.perform(AddDocument.self) }
    }

    /// `start`, `complete` and `skip`: a stage transition without a body.
    struct Transition: ParsableArguments {
        @OptionGroup var location: StoreLocation
        @Argument(help: "The document id.") var document: String
        @Argument(help: "The stage.") var stage: String
        @Option(help: "The run's metadata, a JSON document.") var metadata: String?

        func run(_ action: StageTransition.Action, error: String? = nil) throws {
            try perform(
                StageTransition(
                    documentID: document, stage: stage, action: action, error: error,
                    metadata: metadata.map(JSONText.init)),
                at: location)
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "start", abstract: "Start a document's stage.")
        @OptionGroup var transition: Transition

        func run() throws { try transition.run(.start) }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complete", abstract: "Complete a document's stage.")
        @OptionGroup var transition: Transition

        func run() throws { try transition.run(.complete) }
    }

    struct Skip: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "skip", abstract: "Skip a document's optional stage.")
        @OptionGroup var transition: Transition

        func run() throws { try transition.run(.skip) }
    }

    struct Fail: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "fail", abstract: "Fail a document's stage.")
        @OptionGroup var transition: Transition
        @Option(help: "Why it failed.") var error: String

        func run() throws { try transition.run(.fail, error: error) }
    }

    struct Rerun: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rerun",
            abstract: "Reset a stage and everything downstream of it to pending, keeping their runs in the history.")
        @OptionGroup var location: StoreLocation
        @Argument(help: "The document id.") var document: String
        @Argument(help: "The stage to run again.") var stage: String

        func run() throws { try perform(RerunStage(documentID: document, stage: stage), at: location) }
    }

    struct RemoveDocument: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete-document",
            abstract: "Delete a document with its stages, outputs, workflow and history in one transaction.",
            discussion:
                "Prints what was removed and the output files no remaining document names ('unreferenced_files').")
        @OptionGroup var location: StoreLocation
        @Argument(help: "The document id.") var document: String

        func run() throws { try perform(DeleteDocument(documentID: document), at: location) }
    }

    struct Output: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "output", abstract: "Record a file a stage wrote, with its digests.",
            discussion: #"""
                The body of POST /api/documents/{id}/stages/{stage}/outputs: '{"path": "doc-1/out.md", "size": 3, \
                "sha256": "<64 hex>", "xxh3": "<32 hex>", "mime_type": "text/markdown"}' (lineage hash --format \
                json prints both digests).
                """#)
        @Argument(help: "The document id.") var document: String
        @Argument(help: "The stage.") var stage: String
        @OptionGroup var request: JSONRequest

        func run() throws {
            try request.perform(RecordStageOutput.self) { ($0.documentID, $0.stage) = (document, stage) }
        }
    }
}
