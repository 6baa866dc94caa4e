import ArgumentParser
import LineageStore

/// `--writer-cache MiB`: the budget of the writer's cache of stored jobs and reporter windows
/// (``StoreOptions/writerCacheBytes``), for the commands that write progress.
struct WriterCacheOption: ParsableArguments {
    /// The largest budget accepted, in MiB (1 TiB).
    static let maximum = 1 << 20

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The most memory, in MiB, the writer may keep of the jobs and reporter windows it stored last"
                + " (0: none; past it the oldest are read from the file again).",
            valueName: "MiB"))
    var writerCache = StoreOptions().writerCacheBytes >> 20

    func validate() throws {
        guard (0...Self.maximum).contains(writerCache) else {
            throw ValidationError("--writer-cache must be from 0 to \(Self.maximum) MiB")
        }
    }

    /// Sets the budget in `options`.
    func apply(to options: inout StoreOptions) { options.writerCacheBytes = writerCache << 20 }
}
