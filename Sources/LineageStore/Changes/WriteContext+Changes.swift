import LineageFormat

extension WriteContext {
    /// Registers a consumer of the change feed at `position` (default: the feed's last entry, so it reads what
    /// commits from now on). Retention keeps every entry after a consumer's position.
    /// - Throws: `.invalidInput` for an empty name, a name over 200 bytes, or a position beyond the last entry;
    ///   `.duplicate` when a consumer of that name exists.
    @discardableResult
    public func registerChangeConsumer(_ name: String, at position: UInt64? = nil) throws -> ChangeConsumerRecord {
        guard !name.isEmpty, name.utf8.count <= 200 else {
            throw StoreError(.invalidInput, "a change consumer's name must be 1 to 200 bytes; got \(name.utf8.count)")
        }
        if try changeConsumer(name) != nil {
            throw StoreError(.duplicate, "a change consumer named \(name) is already registered")
        }
        var consumer = ChangeConsumerRecord()
        consumer.name = name
        consumer.position = try checkedPosition(position ?? lastChangeSequence(), of: name)
        consumer.registeredAt = now
        consumer.updatedAt = now
        try save(consumer)
        return consumer
    }

    /// Moves consumer `name` to `position`: it has passed every entry up to it.
    /// - Throws: `.notFound` for an unknown consumer; `.invalidInput` for a position beyond the last entry.
    @discardableResult
    public func moveChangeConsumer(_ name: String, to position: UInt64) throws -> ChangeConsumerRecord {
        guard var consumer = try changeConsumer(name) else {
            throw StoreError(.notFound, "no change consumer named \(name)")
        }
        consumer.position = try checkedPosition(position, of: name)
        consumer.updatedAt = now
        try save(consumer)
        return consumer
    }

    /// Removes consumer `name`, so retention no longer keeps entries for it.
    /// - Throws: `.notFound` for an unknown consumer.
    public func removeChangeConsumer(_ name: String) throws {
        guard try delete(ChangeConsumerRecord.self, [.string(name)]) != nil else {
            throw StoreError(.notFound, "no change consumer named \(name)")
        }
    }

    /// Removes the entries up to `sequence` (never the last one, so sequences never restart). Entries a
    /// consumer has not passed are kept unless `force` is set; forcing reports the consumers it overtook.
    /// - Throws: `.conflict` naming the consumers behind `sequence`, without `force`.
    public func pruneChanges(through sequence: UInt64, force: Bool = false) throws -> ChangePruneReport {
        guard let database = databases.changes, let bounds = try changeBounds() else {
            return ChangePruneReport(removed: 0, firstKept: nil, overtaken: [])
        }
        let end = min(sequence, bounds.upperBound - 1)
        guard end >= bounds.lowerBound else {
            return ChangePruneReport(removed: 0, firstKept: bounds.lowerBound, overtaken: [])
        }
        let behind = try changeConsumers().filter { $0.position < end }
        if !behind.isEmpty && !force {
            throw StoreError(
                .conflict,
                "change consumers have not passed sequence \(end): "
                    + behind.map { "\($0.name) at \($0.position)" }.joined(separator: ", ")
                    + "; move them on, remove them, or force the pruning")
        }
        var keys: [[UInt8]] = []
        try transaction.scan(database, range: .prefix(ChangeFeed.entryPrefix)) { key, _ in
            guard let sequence = ChangeFeed.sequence(ofKey: key), sequence <= end else { return false }
            keys.append(Array(key))
            return true
        }
        for key in keys { _ = try transaction.delete(key, in: database) }
        return ChangePruneReport(removed: keys.count, firstKept: end + 1, overtaken: behind.map(\.name))
    }

    /// `position`, checked to be at most the feed's last entry.
    private func checkedPosition(_ position: UInt64, of name: String) throws -> UInt64 {
        let last = try lastChangeSequence()
        guard position <= last else {
            throw StoreError(
                .invalidInput, "position \(position) of change consumer \(name) is beyond the last entry (\(last))")
        }
        return position
    }
}

/// What ``WriteContext/pruneChanges(through:force:)`` removed.
public struct ChangePruneReport: Sendable, Equatable, Encodable {
    /// How many entries were removed.
    public let removed: Int
    /// The sequence of the first entry left, or `nil` when the feed has none.
    public let firstKept: UInt64?
    /// The consumers that had not passed the removed entries (only when forced): they must start again from a
    /// snapshot.
    public let overtaken: [String]

    enum CodingKeys: String, CodingKey {
        case removed, firstKept = "first_kept", overtaken
    }
}
