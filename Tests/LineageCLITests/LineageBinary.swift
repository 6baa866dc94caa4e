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

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws
        -> ProcessResult
    {
        try runProcess(url.path, arguments, stdin: stdin, environment: environment)
    }
}
