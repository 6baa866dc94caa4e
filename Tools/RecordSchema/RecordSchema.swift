import Foundation

/// Generates the Swift record types of `Formats/lineagestore.proto`, one per stored message, in one source
/// file. Messages used as a field's type (`Stamp`) and map entries are values inside records and are not
/// generated.
public enum RecordSchema {
    /// The generated source for the `.proto` at `proto`.
    public static func swiftSource(proto: URL) throws -> String {
        let messages = try DescriptorSet.messages(try descriptorSet(proto: proto))
        let embedded = Set(
            messages.flatMap(\.fields).filter { $0.type == .message }.compactMap {
                $0.typeName.split(separator: ".").last.map(String.init)
            })
        let records = try messages.filter { !embedded.contains($0.name) && !$0.isMapEntry }.map {
            try SwiftRecordSource($0, among: messages).text
        }
        return ([SwiftRecordSource.header] + records).joined(separator: "\n")
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
