import Foundation
import LineageFormat
import LineageStore
import TestSupport
import Testing

@Suite struct ProcessingStageTests {
    @Test func defaultPipelineRunsWithTheOptionalStageSkipped() throws {
        let t = try TestStore()
        let store = t.store
        let graph = try store.installDefaultPipeline()
        #expect(
            graph.stages.map(\.name) == [
                "markdown-conversion", "markdown-optimizer", "chunker", "fact-generator", "ingestor",
            ])
        try store.addDocument(id: "doc-1", title: "Handbook", realm: "hr", configuration: #"{"chunk_size":800}"#)
        #expect(try store.nextRunnableStages(documentID: "doc-1") == ["markdown-conversion"])
        #expect(try store.documents(atStage: "markdown-conversion").records.map(\.documentID) == ["doc-1"])
        #expect(
            throwsStoreError(.conflict, "waits for", "markdown-conversion", "markdown-optimizer") {
                try store.startStage(documentID: "doc-1", stage: "chunker")
            })
        try store.startStage(documentID: "doc-1", stage: "markdown-conversion")
        #expect(try store.workflow(documentID: "doc-1")?.currentStage == "markdown-conversion")
        try store.completeStage(documentID: "doc-1", stage: "markdown-conversion")
        #expect(try store.nextRunnableStages(documentID: "doc-1") == ["markdown-optimizer"])
        let overview = try store.documentOverview("doc-1")
        #expect(overview.runnableStages == ["markdown-optimizer"] && overview.stages.count == 5)
        #expect(overview.workflow?.completedStages == 1 && overview.document.title == "Handbook")
        #expect(throwsStoreError(.notFound, "doc-9") { _ = try store.documentOverview("doc-9") })
        try store.skipStage(documentID: "doc-1", stage: "markdown-optimizer")
        #expect(try store.nextRunnableStages(documentID: "doc-1") == ["chunker"])
        #expect(throwsStoreError(.conflict, "required") { try store.skipStage(documentID: "doc-1", stage: "chunker") })
        for stage in ["chunker", "fact-generator", "ingestor"] {
            try store.startStage(documentID: "doc-1", stage: stage)
            try store.completeStage(documentID: "doc-1", stage: stage)
        }
        let workflow = try #require(try store.workflow(documentID: "doc-1"))
        #expect(workflow.totalStages == 5 && workflow.completedStages == 5 && workflow.currentStage == "completed")
        #expect(workflow.startedAt != nil && workflow.completedAt != nil && workflow.workflowType == .manual)
        #expect(
            try store.documentStages("doc-1").map(\.status) == [
                .completed, .skipped, .completed, .completed, .completed,
            ])
        #expect(try store.nextRunnableStages(documentID: "doc-1").isEmpty)
        #expect(try store.verify().isClean)
    }

    @Test func failureAndRetryUntilRetriesRunOut() throws {
        let t = try TestStore()
        let store = t.store
        try store.defineStages([
            StageDefinitionRecord("parse", maxRetries: 2), StageDefinitionRecord("index", dependsOn: ["parse"]),
        ])
        try store.addDocument(id: "d")
        try store.startStage(documentID: "d", stage: "parse")
        let failed = try store.failStage(documentID: "d", stage: "parse", error: "OCR crashed")
        #expect(failed.status == .failed && failed.errorMessage == "OCR crashed")
        #expect(try store.documents(atStage: "parse", status: .failed).records.map(\.documentID) == ["d"])
        #expect(try store.documents(atStage: "parse", status: .inProgress).records.isEmpty)
        #expect(try store.nextRunnableStages(documentID: "d") == ["parse"], "failed with retries left is runnable")
        #expect(try store.startStage(documentID: "d", stage: "parse").retryCount == 1)
        try store.failStage(documentID: "d", stage: "parse", error: "again")
        #expect(try store.startStage(documentID: "d", stage: "parse").retryCount == 2)
        try store.failStage(documentID: "d", stage: "parse", error: "and again")
        #expect(try store.nextRunnableStages(documentID: "d").isEmpty)
        #expect(
            throwsStoreError(.conflict, "retries are used up") { try store.startStage(documentID: "d", stage: "parse") }
        )
        #expect(
            throwsStoreError(.conflict, "cannot go from failed to completed") {
                try store.completeStage(documentID: "d", stage: "parse")
            })
        #expect(throwsStoreError(.notFound, "ghost") { try store.startStage(documentID: "ghost", stage: "parse") })
        #expect(throwsStoreError(.notFound, "stage nope") { try store.startStage(documentID: "d", stage: "nope") })
    }

    @Test func storedDefinitionsThatAreNoGraphAreDamageNotBadInput() throws {
        let t = try TestStore()
        try t.store.installDefaultPipeline()
        try t.store.write { _ = try $0.delete(StageDefinitionRecord.self, [.string("chunker")]) }
        #expect(
            throwsStoreError(.damagedRecord, "stage definitions", "chunker", "lineage verify") {
                try t.store.stageGraph()
            })
        #expect(throwsStoreError(.damagedRecord, "chunker") { try t.store.status() })
    }

    @Test func cyclesAndUnknownDependenciesAreRejectedNamingThem() throws {
        let t = try TestStore()
        let store = t.store
        try store.installDefaultPipeline()
        #expect(
            throwsStoreError(.invalidInput, "cycle", "chunker → fact-generator → chunker") {
                try store.defineStages([StageDefinitionRecord("chunker", dependsOn: ["fact-generator"])])
            })
        #expect(
            throwsStoreError(.invalidInput, "unknown stage", "ghost") {
                try store.defineStages([StageDefinitionRecord("x", dependsOn: ["ghost"])])
            })
        #expect(
            throwsStoreError(.invalidInput, "cycle", "loop → loop") {
                try store.defineStages([StageDefinitionRecord("loop", dependsOn: ["loop"])])
            })
        #expect(try store.stageGraph().stage("chunker")?.dependsOn == ["markdown-conversion", "markdown-optimizer"])
        #expect(try store.stageGraph().stage("x") == nil, "a refused definition stores nothing")
    }

    @Test func aLongChainIsCheckedWithoutExhaustingTheStack() throws {
        let count = 200_000
        let chain = (0..<count).map { StageDefinitionRecord("s\($0)", dependsOn: $0 == 0 ? [] : ["s\($0 - 1)"]) }
        #expect(try StageGraph(chain).stages.count == count)
        var closed = chain
        closed[0].dependsOn = ["s\(count - 1)"]
        #expect(
            throwsStoreError(.invalidInput, "cycle", "s0 → s\(count - 1) → s\(count - 2)") { try StageGraph(closed) })
    }

    @Test func stageNamesAreIdentitiesComparedByTheirBytes() throws {
        let graph = try StageGraph([
            StageDefinitionRecord("caf\u{E9}"), StageDefinitionRecord("cafe\u{301}", dependsOn: ["caf\u{E9}"]),
        ])
        #expect(graph.stages.count == 2)
        #expect(graph.stage("cafe\u{301}")?.dependsOn == ["caf\u{E9}"] && graph.stage("caf\u{E9}")?.dependsOn == [])
        #expect(graph.runnable([:]) == ["caf\u{E9}"])
    }

    @Test func outputPathsNeverEscapeTheStorageRoot() throws {
        let t = try TestStore()
        let store = t.store
        try store.installDefaultPipeline()
        try store.addDocument(id: "d")
        let root = t.directory.path("storage")
        try FileManager.default.createDirectory(atPath: root + "/d", withIntermediateDirectories: true)
        try Data("# Title\n".utf8).write(to: URL(fileURLWithPath: root + "/d/out.md"))
        let output = try store.recordStageOutput(
            documentID: "d", stage: "markdown-conversion",
            StageOutput(path: "d/out.md", mimeType: "text/markdown", source: .file(storageRoot: root)))
        #expect(output.size == 8 && output.sha256.count == 32 && output.xxh3.count == 16)
        #expect(try store.stageOutputs(documentID: "d").map(\.path) == ["d/out.md"])
        #expect(try store.content(sha256: output.sha256)?.seenCount == 1)
        for bad in ["../etc/passwd", "/etc/passwd", "d/../../x", "d//x", "./d", "d/\0x", ""] {
            #expect(
                throwsStoreError(.invalidInput, "output path") {
                    try store.recordStageOutput(
                        documentID: "d", stage: "chunker", StageOutput(path: bad, source: .file(storageRoot: root)))
                }, "\(bad.debugDescription) must be refused")
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/escape", withDestinationPath: "/etc")
        #expect(
            throwsStoreError(.invalidInput, "outside the storage root") {
                try store.recordStageOutput(
                    documentID: "d", stage: "chunker",
                    StageOutput(path: "escape/hostname", source: .file(storageRoot: root)))
            })
        #expect(try store.stageOutputs(documentID: "d").count == 1)
    }

    /// Seed 004's `file_type` (format 1.4): stored, exported, loaded back, and carried into OpenLineage.
    @Test func outputsKeepTheirFileTypeThroughExportLoadAndOpenLineage() throws {
        let t = try TestStore()
        try t.store.installDefaultPipeline()
        try t.store.addDocument(id: "d")
        try t.store.startStage(documentID: "d", stage: "markdown-conversion")
        let bytes = Array("# Title\n".utf8)
        let digests = FileDigests(size: 8, sha256: Array(repeating: 7, count: 32), xxh3: XXH3.hash128(bytes))
        let output = try t.store.recordStageOutput(
            documentID: "d", stage: "markdown-conversion",
            StageOutput(path: "d/out.md", mimeType: "text/markdown", fileType: "markdown", source: .digests(digests)))
        #expect(output.fileType == "markdown")
        #expect(try t.store.stageOutputs(documentID: "d").map(\.fileType) == ["markdown"])
        #expect(
            throwsStoreError(.invalidInput, "file type") {
                try t.store.recordStageOutput(
                    documentID: "d", stage: "chunker",
                    StageOutput(
                        path: "d/x", fileType: String(repeating: "x", count: 257), source: .digests(digests)))
            })

        var lines: [String] = []
        _ = try t.store.export { lines.append($0) }
        let exported = try #require(lines.first { $0.contains("\"stage_output\"") })
        #expect(exported.contains("\"file_type\":\"markdown\""))
        let copy = try LineageStore.open(at: t.directory.path("copy.lineage"), options: testOptions())
        _ = try copy.load(jsonLines: lines.enumerated().map { ($0.offset + 1, Array($0.element.utf8)) })
        #expect(try copy.stageOutputs(documentID: "d") == [output])

        var events: [String] = []
        _ = try t.store.exportOpenLineage { events.append($0) }
        #expect(events.contains { $0.contains("\"file_type\":\"markdown\"") })
    }

    /// Seed 004: a stage re-run after a fix resets it and everything downstream, and the document's history
    /// keeps every earlier run with its metadata.
    @Test func aRerunResetsDownstreamAndTheHistoryKeepsEveryRun() throws {
        let t = try TestStore()
        let store = t.store
        try store.installDefaultPipeline()
        try store.addDocument(id: "d", workflowType: .automatic)
        #expect(try store.workflow(documentID: "d")?.startedAt == nil)
        try store.startStage(documentID: "d", stage: "markdown-conversion", metadata: #"{"pages":12}"#)
        #expect(try store.workflow(documentID: "d")?.startedAt != nil)
        try store.completeStage(documentID: "d", stage: "markdown-conversion")
        try store.skipStage(documentID: "d", stage: "markdown-optimizer")
        try store.startStage(documentID: "d", stage: "chunker")
        try store.failStage(documentID: "d", stage: "chunker", error: "bad split", metadata: #"{"chunks":0}"#)
        #expect(
            throwsStoreError(.invalidInput, "stage metadata") {
                try store.startStage(documentID: "d", stage: "chunker", metadata: "{not json")
            })
        try store.startStage(documentID: "d", stage: "chunker")
        try store.completeStage(documentID: "d", stage: "chunker", metadata: #"{"chunks":40}"#)
        try store.startStage(documentID: "d", stage: "fact-generator")
        #expect(
            throwsStoreError(.conflict, "fact-generator", "is running") {
                try store.rerunStage(documentID: "d", stage: "chunker")
            })
        try store.completeStage(documentID: "d", stage: "fact-generator")
        #expect(
            try store.stageHistory(documentID: "d").map(\.status) == [
                .completed, .skipped, .failed, .completed, .completed,
            ])

        let reset = try store.rerunStage(documentID: "d", stage: "chunker")
        #expect(reset.map(\.stage) == ["chunker", "fact-generator"], "ingestor was pending; it stays as it is")
        #expect(reset.allSatisfy { $0.status == .pending && $0.rerunCount == 1 && $0.metadata == nil })
        #expect(try store.documentStages("d").map(\.status) == [.completed, .skipped, .pending, .pending, .pending])
        let workflow = try #require(try store.workflow(documentID: "d"))
        #expect(workflow.currentStage == "chunker" && workflow.completedStages == 2 && workflow.completedAt == nil)
        #expect(try store.nextRunnableStages(documentID: "d") == ["chunker"])

        let history = try store.stageHistory(documentID: "d")
        #expect(history.map(\.sequence) == [0, 1, 2, 3, 4], "reruns never remove a run")
        #expect(history[0].metadata == #"{"pages":12}"#, "metadata given at start stays with the run")
        #expect(history[2].errorMessage == "bad split" && history[2].metadata == #"{"chunks":0}"#)
        #expect(history[3].metadata == #"{"chunks":40}"# && history[3].retryCount == 1)
        #expect(history[1].startedAt == nil, "a skipped stage never ran")

        for stage in ["chunker", "fact-generator", "ingestor"] {
            try store.startStage(documentID: "d", stage: stage)
            try store.completeStage(documentID: "d", stage: stage)
        }
        #expect(try store.stageHistory(documentID: "d").last?.rerunCount == 0, "the ingestor was never reset")
        #expect(try store.stageHistory(documentID: "d").dropLast().last?.rerunCount == 1)
        #expect(try store.workflow(documentID: "d")?.currentStage == WorkflowRecord.completedStage)
        #expect(try store.workflows(currentStage: "completed", type: .automatic).records.map(\.documentID) == ["d"])
        #expect(try store.workflows(currentStage: "completed", type: .manual).records.isEmpty)
        #expect(throwsStoreError(.notFound, "no stage") { try store.rerunStage(documentID: "d", stage: "ocr") })
        #expect(throwsStoreError(.notFound, "no document") { try store.rerunStage(documentID: "x", stage: "chunker") })
        #expect(try store.verify().isClean)
    }

    /// Seed 004's `ON DELETE CASCADE`: a document goes with its stages, outputs, workflow and history, in one
    /// transaction, and the files only it named are reported.
    @Test func deletingADocumentRemovesEverythingItOwns() throws {
        let t = try TestStore()
        let store = t.store
        try store.installDefaultPipeline()
        let digests = FileDigests(size: 3, sha256: Array(repeating: 1, count: 32), xxh3: XXH3.hash128([1, 2, 3]))
        for id in ["a", "b"] {
            try store.addDocument(id: id)
            try store.startStage(documentID: id, stage: "markdown-conversion")
            try store.completeStage(documentID: id, stage: "markdown-conversion")
            try store.recordStageOutput(
                documentID: id, stage: "markdown-conversion",
                StageOutput(
                    path: try StorageLayout.stageFile(documentID: id, stage: "markdown-conversion", fileName: "x.md"),
                    fileType: "markdown", source: .digests(digests)))
            try store.recordStageOutput(
                documentID: id, stage: "markdown-conversion",
                StageOutput(path: "shared/logo.png", fileType: "image", source: .digests(digests)))
        }
        #expect(try store.stageOutputs(atStage: "markdown-conversion").records.count == 4)
        let deleted = try store.deleteDocument("a")
        #expect(deleted.stagesRemoved == 5 && deleted.outputsRemoved == 2 && deleted.historyRemoved == 1)
        #expect(deleted.workflowRemoved && deleted.document.id == "a")
        #expect(deleted.unreferencedFiles == ["documents/a/stages/markdown-conversion/x.md"], "b still names the logo")
        #expect(try store.document("a") == nil && store.workflow(documentID: "a") == nil)
        #expect(try store.stageOutputs(documentID: "a").isEmpty && store.stageHistory(documentID: "a").isEmpty)
        #expect(try store.documents(atStage: "chunker").records.map(\.documentID) == ["b"])
        #expect(
            try store.stageOutputs(atStage: "markdown-conversion", fileType: "markdown").records.map(\.documentID) == [
                "b"
            ])
        #expect(throwsStoreError(.notFound, "no document a") { try store.deleteDocument("a") })
        #expect(
            try store.deleteDocument("b").unreferencedFiles.sorted() == [
                "documents/b/stages/markdown-conversion/x.md", "shared/logo.png",
            ])
        #expect(try store.verify().isClean)
    }

    /// The index behind "all outputs of the chunker" pages through every document's outputs in order.
    @Test func outputsOfAStageAcrossDocumentsPageInFileTypeThenDocumentOrder() throws {
        let t = try TestStore()
        let store = t.store
        try store.installDefaultPipeline()
        let digests = FileDigests(size: 1, sha256: Array(repeating: 9, count: 32), xxh3: XXH3.hash128([9]))
        for number in 0..<7 {
            let id = "doc-\(number)"
            try store.addDocument(id: id)
            for fileType in ["chunks_json", "markdown"] {
                try store.recordStageOutput(
                    documentID: id, stage: "chunker",
                    StageOutput(path: "\(id)/\(fileType)", fileType: fileType, source: .digests(digests)))
            }
        }
        var seen: [String] = []
        var cursor: String?
        repeat {
            let page = try store.stageOutputs(atStage: "chunker", fileType: "chunks_json", limit: 3, cursor: cursor)
            seen += page.records.map(\.documentID)
            cursor = page.nextCursor
        } while cursor != nil
        #expect(seen == (0..<7).map { "doc-\($0)" })
        let all = try store.stageOutputs(atStage: "chunker", limit: 100).records
        #expect(
            all.map(\.fileType) == Array(repeating: "chunks_json", count: 7) + Array(repeating: "markdown", count: 7))
        #expect(try store.stageOutputs(atStage: "ingestor").records.isEmpty)
    }

    /// Seed 004's storage layout: built from parts that can never leave the document's folder, and resolved
    /// under the root without following a link out of it.
    @Test func theStorageLayoutIsTheSeedsAndStaysUnderItsRoot() throws {
        #expect(
            try StorageLayout.stageFile(documentID: "doc-1", stage: "chunker", fileName: "a.chunks.json")
                == "documents/doc-1/stages/chunker/a.chunks.json")
        #expect(
            try StorageLayout.originalFile(documentID: "doc-1", fileName: "a.pdf") == "documents/doc-1/original/a.pdf")
        for bad in ["..", ".", "", "a/b", "a\0b"] {
            #expect(
                throwsStoreError(.invalidInput, "storage path") {
                    _ = try StorageLayout.stageFile(documentID: bad, stage: "chunker", fileName: "f")
                }, "\(bad.debugDescription) must be refused")
            #expect(
                throwsStoreError(.invalidInput) { _ = try StorageLayout.originalFile(documentID: "d", fileName: bad) })
        }
        let t = try TestStore()
        let root = t.directory.path("uploads")
        try FileManager.default.createDirectory(atPath: root + "/documents", withIntermediateDirectories: true)
        let layout = StorageLayout(root: root)
        let relative = try StorageLayout.stageFile(documentID: "d", stage: "chunker", fileName: "f.json")
        let canonicalRoot = try #require(URL(fileURLWithPath: root).resolvingSymlinksInPath().path as String?)
        #expect(try layout.absolutePath(relative).hasSuffix("/uploads/" + relative))
        #expect(try layout.absolutePath(relative).hasPrefix(canonicalRoot) || canonicalRoot.hasPrefix("/private"))
        try FileManager.default.createSymbolicLink(atPath: root + "/documents/d", withDestinationPath: "/tmp")
        #expect(throwsStoreError(.invalidInput, "outside the storage root") { _ = try layout.absolutePath(relative) })
        #expect(throwsStoreError(.io) { _ = try StorageLayout(root: root + "/missing").absolutePath(relative) })
    }
}
