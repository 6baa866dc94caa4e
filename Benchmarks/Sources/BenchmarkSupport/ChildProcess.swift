import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A finished child process: its wall time, peak resident memory and standard output.
public struct ChildRun: Sendable {
    /// Wall time from spawn to exit, seconds.
    public var seconds: Double
    /// Peak resident set size, KiB (from `wait4`).
    public var maxResidentKiB: Int
    /// What it printed.
    public var output: String
}

/// Runs `arguments` (looked up on `PATH`), capturing standard output to a file, and reports its wall time and
/// peak memory. Stops the benchmark if the child fails.
public func runChild(_ arguments: [String]) -> ChildRun {
    let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).out").path
    defer { unlink(outputPath) }
    var pid: pid_t = 0
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let start = DispatchTime.now()
    guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
        fatalError("cannot start \(arguments[0])")
    }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    guard status == 0 else { fatalError("\(arguments.joined(separator: " ")) exited with status \(status)") }
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    return ChildRun(seconds: seconds, maxResidentKiB: usage.ru_maxrss, output: output)
}

/// The median of `values` (the upper one for an even count).
public func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
