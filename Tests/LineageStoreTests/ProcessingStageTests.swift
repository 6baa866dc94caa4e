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
        #expect(workflow.totalStages == 5 && workflow.completedStages == 5 && workflow.currentStage.isEmpty)
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
}
