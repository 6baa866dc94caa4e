import Foundation

/// What a finished program printed and how it exited.
public struct ProcessResult: Sendable {
    /// The exit status, or the signal's number when ``killedBySignal``.
    public let status: Int32
    /// Whether the program died of a signal instead of exiting.
    public let killedBySignal: Bool
    /// Everything written to standard output.
    public let stdout: String
    /// Everything written to standard error.
    public let stderr: String
}

/// Runs `executable` with `arguments`, feeding `stdin`, and waits for it.
public func runProcess(
    _ executable: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]
) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    // Drain stderr on another thread so a chatty child cannot block on a full pipe.
    nonisolated(unsafe) var stderrData = Data()
    let drain = Thread { stderrData = err.fileHandleForReading.readDataToEndOfFile() }
    drain.start()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !drain.isFinished { usleep(1000) }
    return ProcessResult(
        status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
        stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData, as: UTF8.self))
}
