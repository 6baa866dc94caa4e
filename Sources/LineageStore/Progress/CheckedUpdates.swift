/// Updates validated at submission, in input order: the valid ones go to the writer, the invalid ones
/// already have their outcome. Validation happens here, once; the writer trusts what it receives.
struct CheckedUpdates {
    /// The valid updates, in input order.
    private(set) var valid: [ProgressUpdate] = []
    /// The inputs refused here, by position, in input order.
    private var refused: [(position: Int, outcome: ProgressOutcome)] = []
    /// How many inputs were added.
    private(set) var count = 0

    init() {}

    /// Checks `updates`; when all are valid (the common case) they are kept as they are, without a copy.
    init(_ updates: [ProgressUpdate]) {
        guard updates.contains(where: { $0.problem != nil }) else {
            valid = updates
            count = updates.count
            return
        }
        for update in updates {
            if let problem = update.problem { appendInvalid(problem) } else { appendValid(update) }
        }
    }

    /// Whether nothing was added.
    var isEmpty: Bool { count == 0 }

    /// Adds an update that passed ``ProgressUpdate/problem``.
    mutating func appendValid(_ update: ProgressUpdate) {
        valid.append(update)
        count += 1
    }

    /// Adds an input that cannot be merged, with the reason.
    mutating func appendInvalid(_ message: String) {
        refused.append((count, ProgressOutcome(.invalid, message)))
        count += 1
    }

    /// Every input's outcome, given the writer's outcomes for ``valid`` in order.
    func outcomes(merging committed: [ProgressOutcome]) -> [ProgressOutcome] {
        guard !refused.isEmpty else { return committed }
        var outcomes: [ProgressOutcome] = []
        outcomes.reserveCapacity(count)
        var next = committed.makeIterator()
        var refusals = refused.makeIterator()
        var refusal = refusals.next()
        for position in 0..<count {
            if let current = refusal, current.position == position {
                outcomes.append(current.outcome)
                refusal = refusals.next()
            } else {
                outcomes.append(next.next()!)
            }
        }
        return outcomes
    }
}
