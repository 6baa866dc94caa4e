import LMDB
import LineageFormat

/// How to open a ``LineageStore``.
public struct StoreOptions: Sendable {
    /// The initial map size in bytes; the map grows by itself up to ``maxMapSize``.
    public var mapSize: Int = 16 << 20
    /// The ceiling for automatic map growth.
    public var maxMapSize: Int = 1 << 40
    /// How commits reach the disk. The default, `.durable`, fsyncs every commit.
    public var durability: Durability = .durable
    /// Open without write access; the file must exist. Inspection tools use this beside a running writer.
    public var readOnly = false
    /// The permission bits of a new file.
    public var fileMode: UInt32 = 0o600
    /// Where the store reads the time.
    public var clock: any StoreClock = SystemClock()
    /// Refuse progress updates for jobs that do not exist (`unknown_job`) instead of creating `crawl` jobs.
    public var strictProgress = false
    /// How many events (timeline entries and errors) each job keeps; older ones are removed as new ones
    /// arrive, in the same transaction.
    public var eventRetention = 10_000
    /// The interval of update time between the `progress_update` events the merge writes on its own, in
    /// microseconds (0: none); see ``ProgressMerge``.
    public var progressEventPace = ProgressMerge.defaultPace
    /// How many progress updates may wait for the writer; submitters wait beyond it (backpressure).
    public var ingestQueueCapacity = 65_536
    /// The most memory, in bytes, the writer's cache of the jobs and reporter windows it stored last may
    /// hold (half each); past it, the records stored longest ago are evicted and read from the file again
    /// when needed.
    public var writerCacheBytes = 32 << 20
    /// How long the change feed keeps an entry, in microseconds (default 7 days): older entries are removed
    /// as new ones commit, except those a registered consumer has not passed and the newest one; a negative
    /// value keeps every entry.
    public var changeRetention: Int64 = 7 * Timestamp.day

    /// Creates default options: durable, read-write, a 16 MiB map growing to 1 TiB, mode 0600.
    public init() {}
}
