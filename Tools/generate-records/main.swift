import Foundation
import RecordSchema

// Writes the Swift record types generated from a .proto into a directory, removing generated files the
// .proto no longer declares. Usage: generate-records PROTO DIRECTORY
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: generate-records PROTO DIRECTORY\n".utf8))
    exit(64)
}
do {
    let directory = URL(fileURLWithPath: arguments[2])
    let files = try RecordSchema.swiftFiles(proto: URL(fileURLWithPath: arguments[1]))
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
    where name.hasSuffix(".generated.swift") && files[name] == nil {
        try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }
    for (name, text) in files.sorted(by: { $0.key < $1.key }) {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }
    print("generated \(files.count) record types in \(directory.path)")
} catch {
    FileHandle.standardError.write(Data("generate-records: \(error)\n".utf8))
    exit(1)
}
