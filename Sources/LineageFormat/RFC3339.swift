/// A microsecond timestamp (``Timestamp``) that encodes as RFC 3339 text, the way the export writes times, so
/// a result type keeps its time as `Int64` and still uses the synthesized `Encodable`.
@propertyWrapper
public struct RFC3339: Sendable, Hashable, Encodable {
    /// Microseconds since the Unix epoch, UTC.
    public var wrappedValue: Int64

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Int64) { self.wrappedValue = wrappedValue }

    /// Encodes the time as one RFC 3339 string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Timestamp.format(wrappedValue))
    }
}
