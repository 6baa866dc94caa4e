import Synchronization

extension LineageStore {
    /// Merges one progress update and returns its outcome once the transaction holding it is durable
    /// (as far as the store's durability mode goes).
    ///
    /// Updates from many callers are committed together by the group-commit writer.
    /// - Parameter strict: refuse updates for unknown jobs (`unknown_job`); the store's option when `nil`.
    /// - Throws: ``StoreError`` only when the storage fails; a bad update gets an `invalid` outcome instead.
    public func ingest(_ update: ProgressUpdate, strict: Bool? = nil) async throws -> ProgressOutcome {
        try await receipt(for: update, strict: strict).outcome
    }

    /// Merges one progress update like ``ingest(_:strict:)-(ProgressUpdate,_)`` and returns its outcome with
    /// its job as committed, without a second read.
    public func receipt(for update: ProgressUpdate, strict: Bool? = nil) async throws -> ProgressReceipt {
        if let refused = ProgressReceipt(refusing: update) { return refused }
        return ProgressReceipt(single: try await writer().submit(receiptSubmission(for: update, strict: strict)))
    }

    /// Merges one progress update like ``receipt(for:strict:)`` without suspending, for a caller that must not
    /// wait (an event loop): queues the update and returns `true`, and `completion` runs on the writer thread
    /// once the transaction holding it has committed (or failed); keep it short. An invalid update completes
    /// at once, before this returns.
    /// - Returns: `false`, having queued nothing and without calling `completion`, when the writer's queue is
    ///   full or the store is closed; ``receipt(for:strict:)`` then waits for room or reports the failure.
    public func receiptIfRoom(
        for update: ProgressUpdate, strict: Bool? = nil,
        completion: @escaping @Sendable (Result<ProgressReceipt, any Error>) -> Void
    ) -> Bool {
        if let refused = ProgressReceipt(refusing: update) {
            completion(.success(refused))
            return true
        }
        guard let writer = try? writer() else { return false }
        return writer.submitIfRoom(receiptSubmission(for: update, strict: strict)) { merged in
            completion(merged.map(ProgressReceipt.init(single:)))
        }
    }

    /// The one-update submission of a receipt, which asks for the job back.
    private func receiptSubmission(for update: ProgressUpdate, strict: Bool?) -> ProgressSubmission {
        ProgressSubmission(updates: [update], strict: strict ?? options.strictProgress, returnsJobs: true)
    }

    /// Merges a batch of progress updates through the group-commit writer and blocks until they are
    /// committed; one outcome per update, in order.
    public func ingest(_ updates: [ProgressUpdate], strict: Bool? = nil) throws -> IngestSummary {
        try ingest(CheckedUpdates(updates), strict: strict)
    }

    /// Parses JSON payloads (on the calling thread) and merges the valid ones; a payload that does not parse
    /// gets an `invalid` outcome with the reason, and every other update is still applied.
    public func ingest(json payloads: [[UInt8]], strict: Bool? = nil) throws -> IngestSummary {
        try ingest(CheckedUpdates(parsing: payloads), strict: strict)
    }

    /// Merges the valid updates of `checked` and suspends until they are committed.
    func ingest(_ checked: CheckedUpdates, strict: Bool?) async throws -> IngestSummary {
        guard !checked.valid.isEmpty else { return IngestSummary(outcomes: checked.outcomes(merging: [])) }
        let submission = ProgressSubmission(updates: checked.valid, strict: strict ?? options.strictProgress)
        let committed = try await writer().submit(submission).outcomes
        return IngestSummary(outcomes: checked.outcomes(merging: committed))
    }

    private func ingest(_ checked: CheckedUpdates, strict: Bool?) throws -> IngestSummary {
        guard !checked.isEmpty else { return IngestSummary(outcomes: []) }
        let committed =
            checked.valid.isEmpty
            ? [] : try writer().submitAndWait(checked.valid, strict: strict ?? options.strictProgress)
        return IngestSummary(outcomes: checked.outcomes(merging: committed))
    }
}

extension CheckedUpdates {
    /// Parses every payload, in order.
    init(parsing payloads: some Sequence<some Collection<UInt8>>) {
        self.init()
        for payload in payloads { append(parsing: payload) }
    }

    /// Parses one JSON payload (which validates it) and adds the update, or the reason it is invalid.
    mutating func append(parsing payload: some Collection<UInt8>) {
        do { appendValid(try ProgressUpdate.parse(json: payload)) } catch let error as StoreError {
            appendInvalid(error.message)
        } catch {
            appendInvalid("\(error)")
        }
    }
}
