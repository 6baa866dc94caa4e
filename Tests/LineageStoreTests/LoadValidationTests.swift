import LineageFormat
import LineageStore
import TestSupport
import Testing

/// `load` applies the rules the API does — identities, digests, paths, durations, counts, references — and
/// refuses a file that breaks one, naming the line and loading nothing; `verify` reports the same records
/// when they are in a file.
@Suite struct LoadValidationTests {
    static let longID = String(repeating: "x", count: 600)

    /// A line that breaks a rule, and a word of the reason `load` must give.
    static let badLines: [(line: String, reason: String)] = [
        (#"{"kind":"stage_definition","name":"parse"}"#, ""),
        (#"{"kind":"stage_output","document_id":"d","stage":"parse","path":"../../etc/passwd"}"#, "leaves its folder"),
        (#"{"kind":"stage_output","document_id":"d","stage":"parse","path":"/etc/passwd"}"#, "is absolute"),
        (#"{"kind":"stage_output","document_id":"d","stage":"parse","path":"a\u0000b"}"#, "NUL"),
        (#"{"kind":"page","id":"p","website_id":"w","url":"u","created_by_process_id":"ghost"}"#, "ghost"),
        (#"{"kind":"job","id":"\#(longID)"}"#, "the limit is 511"),
        (#"{"kind":"job","id":""}"#, "is empty"),
        (#"{"kind":"job","id":"a\u0000b"}"#, "NUL"),
        (#"{"kind":"schedule","user_id":"u","frequency_hours":0}"#, "frequency_hours is 0"),
        (#"{"kind":"content","sha256":"abcdef","xxh3_128":""}"#, "3 bytes"),
        (#"{"kind":"workflow","document_id":"d","total_stages":2,"completed_stages":3}"#, "more than total_stages"),
        (#"{"kind":"import","id":"i","duration_seconds":-1}"#, "durations are 0"),
        (#"{"kind":"stage_definition","name":"loop","depends_on":["loop"]}"#, "depends on itself"),
        (#"{"kind":"import_row","import_id":"missing","sequence":1,"table_name":"t","row_key":"k"}"#, "missing"),
        (#"{"kind":"job","id":"j","status":"bogus"}"#, #"field status is "bogus", not one of running"#),
        (#"{"kind":"import","import_id":"i","status":"done-ish"}"#, "not one of"),
        (#"{"kind":"job","id":"j","started_at":"1969-12-31T23:59:59Z"}"#, "after 1970-01-01T00:00:00Z"),
        (#"{"kind":"job","id":"j","updated_at":"1970-01-01T00:00:00Z"}"#, "the epoch itself means unset"),
    ]

    @Test(arguments: 1..<badLines.count)
    func loadRefusesTheLineAndLoadsNothing(case index: Int) throws {
        let t = try TestStore()
        let document = #"{"kind":"document","id":"d"}"#
        let (line, reason) = Self.badLines[index]
        let lines = [document, Self.badLines[0].line, line].enumerated().map { ($0.offset + 1, Array($0.element.utf8)) }
        #expect(throwsStoreError(.invalidInput, "line 3", reason) { try t.store.load(jsonLines: lines) })
        #expect(try t.store.read { try $0.records(DocumentRecord.self) }.isEmpty, "nothing was loaded")
    }

    @Test func typesAreAnOpenVocabularyAndStatusesAClosedOne() throws {
        let t = try TestStore()
        let line = #"{"kind":"job","id":"j","status":"running","process_type":"a-type-of-a-newer-version"}"#
        try t.store.load(jsonLines: [(1, Array(line.utf8))])
        #expect(try t.store.job("j")?.processType.rawValue == "a-type-of-a-newer-version")
        #expect(try t.store.verify().isClean)
    }

    @Test func progressAtOrBeforeTheEpochIsRefusedRatherThanStoredAsUnset() throws {
        let t = try TestStore()
        let lines = [
            #"{"jobId":"a","reporter":"r","seq":1,"timestamp":"1969-12-31T23:59:59Z"}"#,
            #"{"jobId":"a","reporter":"r","seq":2,"timeline":[{"event":"x","timestamp":"1970-01-01T00:00:00Z"}]}"#,
        ]
        let summary = try t.store.ingest(json: lines.map { Array($0.utf8) })
        #expect(summary.outcomes.map(\.kind) == [.invalid, .invalid])
        #expect(summary.outcomes.allSatisfy { $0.message.contains("after 1970-01-01T00:00:00Z") })
        #expect(try t.store.job("a") == nil)
    }

    @Test func aStageOutputWhoseDocumentAndStageAreInTheFileLoads() throws {
        let t = try TestStore()
        let lines = [
            #"{"kind":"stage_output","document_id":"d","stage":"parse","path":"out/parsed.json"}"#,
            #"{"kind":"document","id":"d"}"#, Self.badLines[0].line,
        ].enumerated().map { ($0.offset + 1, Array($0.element.utf8)) }
        #expect(try t.store.load(jsonLines: lines) == 3)
        #expect(try t.store.verify().isClean)
    }

    @Test func verifyReportsRecordsThatBreakTheRulesAndNamesTheirKeys() throws {
        let t = try TestStore()
        try t.store.write { context in
            var page = PageRecord()
            page.id = "p"
            page.websiteID = "w"
            page.url = "u"
            page.createdByProcessID = "ghost"
            _ = try context.save(page)
            var output = StageOutputRecord()
            output.documentID = "d"
            output.stage = "parse"
            output.path = "../secret"
            _ = try context.save(output)
        }
        let problems = try t.store.verify().problems.map(\.description)
        #expect(problems.contains { $0.contains("\"p\"") && $0.contains("names job") && $0.contains("ghost") })
        #expect(problems.contains { $0.contains("leaves its folder") })
        #expect(problems.contains { $0.contains("names document") })
    }

    @Test func stageDefinitionsThatFormACycleAreRefusedByLoadAndReportedByVerify() throws {
        let t = try TestStore()
        let cycle = [
            #"{"kind":"stage_definition","name":"a","depends_on":["b"]}"#,
            #"{"kind":"stage_definition","name":"b","depends_on":["a"]}"#,
        ].enumerated().map { ($0.offset + 1, Array($0.element.utf8)) }
        #expect(throwsStoreError(.invalidInput, "cycle") { try t.store.load(jsonLines: cycle) })
        let unknown = #"{"kind":"stage_definition","name":"b","depends_on":["nowhere"]}"#
        #expect(
            throwsStoreError(.invalidInput, "unknown stage nowhere") {
                try t.store.load(jsonLines: [(1, Array(unknown.utf8))])
            })
        try t.store.write { context in
            for (name, dependency) in [("a", "b"), ("b", "a")] {
                var definition = StageDefinitionRecord()
                definition.name = name
                definition.dependsOn = [dependency]
                _ = try context.save(definition)
            }
        }
        #expect(try t.store.verify().problems.contains { $0.message.contains("cycle") })
    }

    @Test func statCacheEntriesAreNeitherExportedNorLoaded() throws {
        let t = try TestStore()
        try t.store.write { context in
            var entry = StatCacheRecord()
            entry.path = "/data/a.csv"
            entry.sha256 = Array(repeating: 7, count: 32)
            _ = try context.save(entry)
        }
        var exported: [String] = []
        try t.store.export { exported.append($0) }
        #expect(!exported.contains { $0.contains("stat_cache") })
        #expect(!LineageStore.exportKinds.contains("stat_cache"))

        let other = try TestStore()
        let forged = #"{"kind":"stat_cache","path":"/data/a.csv","sha256":"\#(String(repeating: "ab", count: 32))"}"#
        #expect(try other.store.load(jsonLines: [(1, Array(forged.utf8))]) == 0)
        #expect(try other.store.read { try $0.records(StatCacheRecord.self) }.isEmpty, "a loaded entry is ignored")
    }
}
