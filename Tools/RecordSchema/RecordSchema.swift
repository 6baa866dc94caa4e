import Foundation

/// Generates the Swift record types of `Formats/lineagestore.proto`, one per stored message, and a vocabulary
/// type per enum, in one source file. Messages used as a singular field's type (`Stamp`) and map entries are
/// values inside records and are not generated; a message used by a `repeated` field is a record of its own.
public enum RecordSchema {
    /// The generated source for the `.proto` at `proto`: its vocabularies, then its records.
    public static func swiftSource(proto: URL) throws -> String {
        let file = try DescriptorSet(try descriptorSet(proto: proto))
        let messages = file.messages
        let vocabularies = Set(file.vocabularies.map(\.name))
        for message in messages {
            for field in message.fields where !field.swiftType.isEmpty && !vocabularies.contains(field.swiftType) {
                throw RecordSchemaError.unknownVocabulary(
                    message: message.name, field: field.name, type: field.swiftType)
            }
        }
        let embedded = Set(
            messages.flatMap(\.fields).filter { $0.type == .message && !$0.isRepeated }.compactMap {
                $0.typeName.split(separator: ".").last.map(String.init)
            })
        let records = try messages.filter { !embedded.contains($0.name) && !$0.isMapEntry }.map {
            try SwiftRecordSource($0, among: messages).text
        }
        let sources = [SwiftRecordSource.header] + file.vocabularies.map(SwiftVocabularySource.text) + records
        return sources.joined(separator: "\n")
    }

    /// The descriptor set protoc writes for `proto`, with comments.
    static func descriptorSet(proto: URL) throws -> [UInt8] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID()).pb")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "protoc", "-I", proto.deletingLastPathComponent().path, "--include_source_info",
            "--descriptor_set_out=\(output.path)", proto.lastPathComponent,
        ]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw RecordSchemaError.protoc(message) }
        return Array(try Data(contentsOf: output))
    }
}
