import Foundation

/// One element of a key tuple. The encoding is a subset of the FoundationDB tuple layer; see
/// `Formats/README.md`.
///
/// Equality compares doubles by bit pattern, so `NaN == NaN` and `-0.0 != 0.0`, matching the encoding.
public enum TupleElement: Sendable, Hashable {
    /// The null element (type code 0x00).
    case null
    /// A byte string (type code 0x01).
    case bytes([UInt8])
    /// A UTF-8 string (type code 0x02), ordered by its UTF-8 bytes.
    case string(String)
    /// A nested tuple (type code 0x05).
    case tuple([TupleElement])
    /// A signed 64-bit integer (type codes 0x0C–0x1C).
    case int(Int64)
    /// An IEEE 754 binary64 double (type code 0x21), in total order.
    case double(Double)
    /// A boolean (type codes 0x26 false, 0x27 true).
    case bool(Bool)
    /// A UUID (type code 0x30).
    case uuid(UUID)

    public static func == (lhs: TupleElement, rhs: TupleElement) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bytes(let a), .bytes(let b)): a == b
        case (.string(let a), .string(let b)): Array(a.utf8) == Array(b.utf8)
        case (.tuple(let a), .tuple(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a.bitPattern == b.bitPattern
        case (.bool(let a), .bool(let b)): a == b
        case (.uuid(let a), .uuid(let b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bytes(let bytes): hasher.combine(1); hasher.combine(bytes)
        case .string(let text): hasher.combine(2); hasher.combine(Array(text.utf8))
        case .tuple(let elements): hasher.combine(5); hasher.combine(elements)
        case .int(let value): hasher.combine(0x14); hasher.combine(value)
        case .double(let value): hasher.combine(0x21); hasher.combine(value.bitPattern)
        case .bool(let value): hasher.combine(0x26); hasher.combine(value)
        case .uuid(let value): hasher.combine(0x30); hasher.combine(value)
        }
    }
}

extension TupleElement: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
}
