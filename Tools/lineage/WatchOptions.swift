import ArgumentParser
import LineageFormat
import LineageStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--watch` for a read-only view: redraw it each time the store commits (and at least once a minute, so
/// ages and stalls stay current), from snapshots that never block the writer.
struct WatchOptions: ParsableArguments {
    @Flag(help: "Redraw whenever the store changes, until interrupted.") var watch = false
    @Option(help: "With --watch, how often to look for a change (e.g. 1s, 5s).") var interval = "1s"
    @Option(help: "With --watch, stop after drawing this many times.") var frames: Int?

    /// How long a frame stays without a change before it is drawn again.
    static let refresh = 60 * Timestamp.second

    /// Opens the store read-only and draws once, or with `--watch` again after every commit; on a terminal
    /// each frame replaces the previous one.
    func run(_ location: StoreLocation, _ draw: @escaping (LineageStore) throws -> Void) throws {
        guard watch else { return try inspect(location, draw) }
        let pause = try parseSpan(interval)
        guard pause > 0 else { throw ValidationError("--interval must be at least 1s") }
        if let frames, frames < 1 { throw ValidationError("--frames must be at least 1") }
        let terminal = isatty(STDOUT_FILENO) == 1
        try inspect(location) { store in
            var drawn = 0
            var shown: (version: Int, at: Int64)?
            while frames.map({ drawn < $0 }) ?? true {
                let version = try store.read { try $0.version }
                let now = store.clock.now()
                if shown.map({ $0.version != version || now - $0.at >= Self.refresh }) ?? true {
                    print(terminal ? "\u{1B}[H\u{1B}[2J" : (drawn == 0 ? "" : "\n"), terminator: "")
                    try draw(store)
                    guard standardOutputWasWritten() else { return }  // the reader went away
                    shown = (version, now)
                    drawn += 1
                    if frames == drawn { break }
                }
                usleep(useconds_t(min(pause, 60 * Timestamp.second)))
            }
        }
    }
}
