import Foundation
import RecordSchema

// Writes the Swift record types generated from a .proto into one source file; the RecordCodegen build plugin
// runs it whenever the .proto changes. Usage: generate-records PROTO OUTPUT
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: generate-records PROTO OUTPUT\n".utf8))
    exit(64)
}
do {
    let source = try RecordSchema.swiftSource(proto: URL(fileURLWithPath: arguments[1]))
    try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[2]), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("generate-records: \(error)\n".utf8))
    exit(1)
}
