import Foundation
import FuzzTargets

#if LIBFUZZER
    import CLibFuzzer
#endif

/// `lineage-fuzz TARGET [libFuzzer flags and corpus folders]` fuzzes one target when built with
/// `LINEAGE_FUZZ=1` (`make fuzz`); built normally, `lineage-fuzz TARGET PATH...` runs each file (or each file
/// in a folder) once, to replay a finding in a debugger.
@main enum FuzzMain {
    /// The target being fuzzed, for libFuzzer's callback, which cannot capture.
    nonisolated(unsafe) static var selected: FuzzTarget?

    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget.named(name) else {
            let names = FuzzTarget.all.map(\.name).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: lineage-fuzz \(names) PATH...\n".utf8))
            exit(64)
        }
        selected = target
        #if LIBFUZZER
            var argv = [CommandLine.unsafeArgv[0]] + (2..<Int(CommandLine.argc)).map { CommandLine.unsafeArgv[$0] }
            var argc = Int32(argv.count)
            let status = argv.withUnsafeMutableBufferPointer { buffer in
                var pointer = buffer.baseAddress
                return LLVMFuzzerRunDriver(&argc, &pointer) { data, count in
                    FuzzMain.selected?.run(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
                    return 0
                }
            }
            exit(status)
        #else
            for path in arguments.dropFirst() {
                let files =
                    (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted().map { path + "/" + $0 }
                    ?? [path]
                for file in files { target.run(Array(try Data(contentsOf: URL(fileURLWithPath: file)))) }
                print("\(path): \(files.count) inputs ran")
            }
        #endif
    }
}
