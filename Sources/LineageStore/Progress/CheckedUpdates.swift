/// Updates validated at submission, in input order: the valid ones go to the writer, the invalid ones
/// already have their outcome. Validation happens here, once; the writer trusts what it receives.
struct CheckedUpdates {
    /// The valid updates, in input order.
    private(set) var valid: [ProgressUpdate] = []
    /// Each input's outcome where it is already known (invalid), `nil` where the writer decides.
    private var known: [ProgressOutcome?] = []

    init() {}

    /// Checks `updates` one by one.
    init(_ updates: [ProgressUpdate]) {
        valid.reserveCapacity(updates.count)
        known.reserveCapacity(updates.count)
        for update in updates {
            if let problem = update.problem { appendInvalid(problem) } else { appendValid(update) }
        }
    }

    /// Whether nothing was added.
    var isEmpty: Bool { known.isEmpty }

    /// Adds an update that passed ``ProgressUpdate/problem``.
    mutating func appendValid(_ update: ProgressUpdate) {
        valid.append(update)
        known.append(nil)
    }

    /// Adds an input that cannot be merged, with the reason.
    mutating func appendInvalid(_ message: String) { known.append(ProgressOutcome(.invalid, message)) }

    /// Every input's outcome, given the writer's outcomes for ``valid`` in order.
    func outcomes(merging committed: [ProgressOutcome]) -> [ProgressOutcome] {
        var next = committed.makeIterator()
        return known.map { $0 ?? next.next()! }
    }
}
