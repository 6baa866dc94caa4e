import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the store reads the time: microseconds since the Unix epoch, UTC. Inject one to control time.
public protocol StoreClock: Sendable {
    /// The current time in microseconds since the Unix epoch, UTC.
    func now() -> Int64
}

/// The system's real-time clock.
public struct SystemClock: StoreClock {
    /// Creates the system clock.
    public init() {}

    public func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1_000
    }
}

/// A clock that moves only when told to; for tests and simulations.
public final class ManualClock: StoreClock {
    private let current: Atomic<Int64>

    /// Creates a clock reading `start` microseconds since the epoch.
    public init(start: Int64) { current = Atomic(start) }

    public func now() -> Int64 { current.load(ordering: .relaxed) }

    /// Moves the clock forward by `microseconds`.
    public func advance(by microseconds: Int64) { current.add(microseconds, ordering: .relaxed) }

    /// Sets the clock to `time`.
    public func set(_ time: Int64) { current.store(time, ordering: .relaxed) }
}
