/// What a mirror run did.
public struct MirrorReport: Sendable, Equatable, Encodable {
    /// The store mirrored.
    public let storeID: String
    /// How many changes (records, for a whole copy) it applied.
    public var applied: Int
    /// The last sequence of the store's change feed now in PostgreSQL.
    public var position: UInt64

    enum CodingKeys: String, CodingKey { case storeID = "store_id", applied, position }

    /// The line `lineage mirror` prints.
    public var text: String { "applied \(applied) changes (store \(storeID), up to sequence \(position))" }
}
