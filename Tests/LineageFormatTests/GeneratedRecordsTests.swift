import Foundation
import RecordSchema
import Testing

/// The record types under `Sources/LineageFormat/Records/Generated` are exactly what the generator makes of
/// `Formats/lineagestore.proto`: nobody edited them by hand, and nobody changed the spec without
/// regenerating (`make generate`).
@Suite struct GeneratedRecordsTests {
    static let generatedDirectory = FormatsDirectory.url.deletingLastPathComponent()
        .appendingPathComponent("Sources/LineageFormat/Records/Generated")

    @Test func regeneratingGivesTheCommittedFilesByteForByte() throws {
        let expected = try RecordSchema.swiftFiles(
            proto: FormatsDirectory.url.appendingPathComponent("lineagestore.proto"))
        let committed = try FileManager.default.contentsOfDirectory(atPath: Self.generatedDirectory.path)
            .filter { $0.hasSuffix(".swift") }
        #expect(Set(committed) == Set(expected.keys), "run `make generate`")
        for (name, text) in expected {
            let file = Self.generatedDirectory.appendingPathComponent(name)
            let onDisk = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            #expect(onDisk == text, "\(name) differs from what the .proto generates; run `make generate`")
        }
    }

    @Test func everyGeneratedFileSaysSoInItsHeader() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.generatedDirectory.path) {
            let text = try String(contentsOf: Self.generatedDirectory.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix(SwiftRecordSource.header), "\(name)")
        }
    }
}
