import Foundation

/// Generates the Swift record types of `Formats/lineagestore.proto`: one file per stored message. Messages
/// used as a field's type (`Stamp`) and map entries are values inside records and are not generated.
public enum RecordSchema {
    /// The generated files, by file name, for the `.proto` at `proto`.
    public static func swiftFiles(proto: URL) throws -> [String: String] {
        let messages = try DescriptorSet.messages(try descriptorSet(proto: proto))
        let embedded = Set(
            messages.flatMap(\.fields).filter { $0.type == .message }.compactMap {
                $0.typeName.split(separator: ".").last.map(String.init)
            })
        var files: [String: String] = [:]
        for message in messages where !embedded.contains(message.name) && !message.isMapEntry {
            let source = try SwiftRecordSource(message, among: messages)
            files[source.fileName] = source.text
        }
        return files
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
