import Foundation
import TestSupport

/// Runs the built `lineage` executable, which sits beside the test bundle.
enum LineageBinary {
    static let url: URL = {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleDirectory, Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
            .map { $0.appendingPathComponent("lineage") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// Starts `lineage` with `arguments` and returns at once: its output is discarded, its input is `stdin` when
    /// given; the caller waits for it (or kills it).
    static func start(_ arguments: [String], stdin: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let stdin { process.standardInput = stdin }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws
        -> ProcessResult
    {
        try runProcess(url.path, arguments, stdin: stdin, environment: environment)
    }
}
