import Foundation
import RecordSchema
import Testing

/// The generator the RecordCodegen build plugin runs: what it makes of `Formats/lineagestore.proto`, and how it
/// refuses a `.proto` it cannot map to Swift.
@Suite struct RecordSchemaTests {
    static func proto(_ text: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("test.proto")
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test func theSpecGivesOneTypePerStoredMessageAndPerVocabularyUnderTheGeneratedHeader() throws {
        let spec = FormatsDirectory.url.appendingPathComponent("lineagestore.proto")
        let source = try RecordSchema.swiftSource(proto: spec)
        #expect(source.hasPrefix(SwiftRecordSource.header))
        let structs = source.matches(of: /public struct (\w+): Equatable/).map { String($0.1) }
        #expect(structs.count == 22)
        let vocabularies = source.matches(of: /public struct (\w+): Vocabulary/).map { String($0.1) }
        #expect(
            vocabularies == [
                "JobStatus", "ProcessType", "CredentialStatus", "PageStatus", "PageChange", "BatchOutcome",
                "SourceStatus", "ImportStatus", "StageStatus", "WorkflowType", "ChangeOperation",
            ])
        #expect(source.contains("public static let isClosed = true") && source.contains("isClosed = false"))
        #expect(source.contains("    public static let inProgress: ImportStatus = \"in_progress\"\n"))
        #expect(structs.contains("JobRecord") && structs.contains("FormatInfo"))
        #expect(!structs.contains("LWWStamp"), "an embedded message is a value, not a record")
        #expect(source.contains("package var unknownFields: [UInt8] = []"))
    }

    @Test func commentsOptionsAndDefaultNamesCarryOver() throws {
        let file = try Self.proto(
            """
            syntax = "proto3";
            package t;
            // A thing.
            message Thing {
              // Its id.
              string thing_id = 1;
              uint64 page_urls = 2;
              bool done = 3;
              // When it ended, if it did.
              optional sfixed64 ended_at = 4;
            }
            """)
        let source = try RecordSchema.swiftSource(proto: file)
        #expect(source.contains("/// A thing.\npublic struct ThingRecord: Equatable, Sendable, Encodable {"))
        #expect(source.contains("    /// Its id.\n    public var thingID = \"\""))
        #expect(source.contains("public var pageURLs: UInt64 = 0"))
        #expect(source.contains(".bool(3, \"done\", \\.done)"))
        #expect(source.contains("    /// When it ended, if it did.\n    public var endedAt: Int64?\n"))
        #expect(source.contains(".timestamp(4, \"ended_at\", \\.endedAt.stored).property(\\.endedAt)"))
        #expect(source.contains("writer.write(4, sfixed64: endedAt.stored)"))
    }

    @Test func aFieldTypeWithoutASwiftMappingIsRefusedNamingIt() throws {
        let file = try Self.proto("syntax = \"proto3\";\nmessage Thing { float ratio = 1; }\n")
        #expect {
            try RecordSchema.swiftSource(proto: file)
        } throws: { error in
            String(describing: error) == "unsupported_field: Thing.ratio has a type the generator does not map to Swift"
        }
    }

    @Test func vocabularyValuesMustCarryTheirEnumsPrefixAndFieldsMustNameAVocabulary() throws {
        let badValue = try Self.proto(
            "syntax = \"proto3\";\nenum RunState { RUN_STATE_UNSPECIFIED = 0; RUNNING = 1; }\n")
        #expect {
            try RecordSchema.swiftSource(proto: badValue)
        } throws: { error in
            String(describing: error) == "invalid_vocabulary_value: RunState.RUNNING must start with RUN_STATE_"
        }
        let unknown = try Self.proto(
            """
            syntax = "proto3";
            import "google/protobuf/descriptor.proto";
            extend google.protobuf.FieldOptions { string swift_type = 50001; }
            message Run { string state = 1 [(swift_type) = "RunState"]; }
            """)
        #expect {
            try RecordSchema.swiftSource(proto: unknown)
        } throws: { error in
            String(describing: error) == "unknown_vocabulary: Run.state names RunState, which is no enum of the file"
        }
    }

    @Test func protocsMessageIsReportedWhenTheProtoDoesNotParse() throws {
        let file = try Self.proto("syntax = \"proto3\";\nmessage Thing { strin name = 1; }\n")
        #expect {
            try RecordSchema.swiftSource(proto: file)
        } throws: { error in
            let description = String(describing: error)
            return description.hasPrefix("protoc_failed: ") && description.contains("strin")
        }
    }
}
