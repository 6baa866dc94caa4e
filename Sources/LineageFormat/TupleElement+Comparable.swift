extension TupleElement: Comparable {
    /// The rank of an element's type in the key order: the first byte of its encoding, with all integer
    /// codes sharing one rank.
    var typeRank: Int {
        switch self {
        case .null: 0x00
        case .bytes: 0x01
        case .string: 0x02
        case .tuple: 0x05
        case .int: 0x14
        case .double: 0x21
        case .bool: 0x26
        case .uuid: 0x30
        }
    }

    /// The order of the encoded bytes: type first, then value; strings by UTF-8 bytes, doubles in IEEE total
    /// order (−NaN < −∞ < −0 < +0 < +∞ < +NaN), tuples element by element with a prefix first.
    public static func < (lhs: TupleElement, rhs: TupleElement) -> Bool {
        if lhs.typeRank != rhs.typeRank { return lhs.typeRank < rhs.typeRank }
        switch (lhs, rhs) {
        case (.bytes(let a), .bytes(let b)): return a.lexicographicallyPrecedes(b)
        case (.string(let a), .string(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.tuple(let a), .tuple(let b)): return a.lexicographicallyPrecedes(b)
        case (.int(let a), .int(let b)): return a < b
        case (.double(let a), .double(let b)): return TupleCodec.orderedBits(a) < TupleCodec.orderedBits(b)
        case (.bool(let a), .bool(let b)): return !a && b
        case (.uuid(let a), .uuid(let b)):
            return withUnsafeBytes(of: a.uuid) { a in
                withUnsafeBytes(of: b.uuid) { b in a.lexicographicallyPrecedes(b) }
            }
        default: return false
        }
    }
}
