import LineageFormat

/// A content seen in more than one place, with every place it was seen.
public struct DuplicateContent: Sendable, Equatable {
    /// The content.
    public var content: ContentRecord
    /// Where it was seen, in key order.
    public var sightings: [SightingRecord]
}
