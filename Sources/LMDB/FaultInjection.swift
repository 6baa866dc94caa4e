import Synchronization

/// Makes chosen LMDB calls fail as a full or failing disk would, so tests can show that nothing half-applies:
/// the next `count` calls of `operation` on one database file, made through the layer's shims, return `code`
/// (e.g. `ENOSPC`, `EIO`) instead of running. An injected commit failure aborts the transaction, as a failed
/// `mdb_txn_commit` does.
///
/// Meant for tests; faults are per file, so tests running in parallel on other files are untouched. When
/// nothing is armed, a shim pays one atomic load.
package enum FaultInjection {
    /// The calls a fault can be injected into.
    package enum Operation: Sendable { case put, commit }

    private static let armed = Atomic<Bool>(false)
    private struct Site: Hashable {
        let operation: Operation
        let path: String
    }
    private static let faults = Mutex<[Site: (code: Int32, remaining: Int)]>([:])

    /// Makes the next `count` calls of `operation` on the environment of `environment` fail with `code`.
    package static func fail(_ operation: Operation, with code: Int32, count: Int = 1, in environment: Environment) {
        faults.withLock { $0[Site(operation: operation, path: environment.path)] = (code, count) }
        armed.store(true, ordering: .releasing)
    }

    /// Removes the faults armed for `environment`.
    package static func reset(_ environment: Environment) {
        let empty = faults.withLock { faults in
            faults = faults.filter { $0.key.path != environment.path }
            return faults.isEmpty
        }
        if empty { armed.store(false, ordering: .releasing) }
    }

    /// The code to fail this call of `operation` on the file at `path` with, or `nil` to run it.
    static func injected(_ operation: Operation, _ path: String) -> Int32? {
        guard armed.load(ordering: .acquiring) else { return nil }
        return faults.withLock { faults -> Int32? in
            let site = Site(operation: operation, path: path)
            guard let fault = faults[site] else { return nil }
            faults[site] = fault.remaining <= 1 ? nil : (fault.code, fault.remaining - 1)
            return fault.code
        }
    }
}
