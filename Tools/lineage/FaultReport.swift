#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// Turns a fault or an assertion inside liblmdb while a database is open into a message and exit status 1.
///
/// liblmdb trusts the pages it maps: a damaged page that a short query reads — commands other than
/// `verify`, `stats` and `export` do not check every page first — can make it fault (`SIGSEGV`, `SIGBUS`)
/// or stop on one of its assertions (`SIGABRT`). Rather than die by a signal, the process says which file was
/// open and how to check it. The handler only writes a prepared message and exits, as a signal handler must.
enum FaultReport {
    /// Prepares the message naming `path` and installs the handler for `SIGSEGV`, `SIGBUS` and `SIGABRT`.
    static func guardReads(of path: String) {
        let text =
            "lineage: reading \(path) failed inside liblmdb (a fault or a failed assertion on a page): the file is "
            + "probably damaged; `lineage verify --db \(path)` checks it\n"
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        FaultMessage.bytes = UnsafePointer(buffer)
        FaultMessage.count = bytes.count
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = reportFaultAndExit
        #else
            action.__sigaction_u.__sa_handler = reportFaultAndExit
        #endif
        sigemptyset(&action.sa_mask)
        for signal in [SIGSEGV, SIGBUS, SIGABRT] { sigaction(signal, &action, nil) }
    }
}

/// The prepared message, read by the signal handler; written once before the handler is installed.
private enum FaultMessage {
    nonisolated(unsafe) static var bytes: UnsafePointer<UInt8>?
    nonisolated(unsafe) static var count = 0
}

private func reportFaultAndExit(_: Int32) {
    if let bytes = FaultMessage.bytes { _ = write(2, bytes, FaultMessage.count) }
    _exit(1)
}
