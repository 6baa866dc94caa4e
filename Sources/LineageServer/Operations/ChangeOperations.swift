import LineageFormat
import LineageStore

/// Registers a named consumer of the change feed (`POST /api/changes/consumers`, `lineage changes register`).
public struct RegisterChangeConsumer: StoreOperation {
    /// The consumer's name.
    public var name: String
    /// The sequence it has passed: 0 to read the whole feed, absent to read what commits from now on.
    public var position: UInt64?

    /// A registration of `name` at `position`.
    public init(name: String, position: UInt64? = nil) {
        self.name = name
        self.position = position
    }

    public func run(in context: WriteContext) throws -> Member<ChangeConsumerRecord> {
        Member("consumer", try context.registerChangeConsumer(name, at: position))
    }
}

/// Moves a consumer past the entries it has applied (`POST /api/changes/consumers/{name}`, `lineage changes
/// move`).
public struct MoveChangeConsumer: StoreOperation {
    /// The consumer's name (from the path).
    public var name = ""
    /// The sequence of the last entry it has applied.
    public var position: UInt64

    enum CodingKeys: String, CodingKey { case position }

    /// A move of `name` to `position`.
    public init(name: String, position: UInt64) {
        self.name = name
        self.position = position
    }

    public func run(in context: WriteContext) throws -> Member<ChangeConsumerRecord> {
        Member("consumer", try context.moveChangeConsumer(name, to: position))
    }
}

/// Removes a consumer, so retention stops keeping entries for it (`DELETE /api/changes/consumers/{name}`,
/// `lineage changes remove`).
public struct RemoveChangeConsumer: StoreOperation {
    /// The consumer's name (from the path).
    public var name = ""

    enum CodingKeys: CodingKey {}

    /// The removal of `name`.
    public init(name: String) { self.name = name }

    public func run(in context: WriteContext) throws -> Member<String> {
        try context.removeChangeConsumer(name)
        return Member("removed", name)
    }
}

/// Removes the change-feed entries up to a sequence (`POST /api/changes/prune`, `lineage changes prune`).
public struct PruneChanges: StoreOperation {
    /// The last sequence to remove (the feed's newest entry always stays).
    public var through: UInt64
    /// Whether to remove entries consumers have not passed, reporting them.
    public var force: Bool?

    /// A pruning through `through`.
    public init(through: UInt64, force: Bool = false) {
        self.through = through
        self.force = force
    }

    public func run(in context: WriteContext) throws -> Member<ChangePruneReport> {
        Member("pruned", try context.pruneChanges(through: through, force: force ?? false))
    }
}
