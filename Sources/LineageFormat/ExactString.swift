#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A string that compares, hashes and sorts by its UTF-8 bytes: the store's rule for identities (job ids,
/// reporters, item types). Swift's `String` equality is canonical equivalence, so `"caf\u{E9}"` and
/// `"cafe\u{301}"` are one `String` key but two `ExactString`s, as they are two keys in the file.
public struct ExactString: Hashable, Comparable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The text.
    public let string: String

    /// Wraps `string`.
    public init(_ string: String) { self.string = string }

    /// Wraps a literal.
    public init(stringLiteral value: String) { string = value }

    public var description: String { string }

    public static func == (lhs: ExactString, rhs: ExactString) -> Bool {
        let (left, right) = (lhs.string.utf8, rhs.string.utf8)
        guard left.count == right.count else { return false }
        let compared = left.withContiguousStorageIfAvailable { a in
            right.withContiguousStorageIfAvailable { b in
                a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
            }
        }
        if let compared, let equal = compared { return equal }
        return left.elementsEqual(right)
    }

    public func hash(into hasher: inout Hasher) {
        if string.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            var native = string
            native.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    public static func < (lhs: ExactString, rhs: ExactString) -> Bool {
        let (left, right) = (lhs.string.utf8, rhs.string.utf8)
        let compared = left.withContiguousStorageIfAvailable { a in
            right.withContiguousStorageIfAvailable { b in
                let count = min(a.count, b.count)
                let order = count == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, count)
                return order < 0 || (order == 0 && a.count < b.count)
            }
        }
        if let compared, let precedes = compared { return precedes }
        return left.lexicographicallyPrecedes(right)
    }
}

extension String {
    /// Whether the two have the same UTF-8 bytes: the store's identity rule (``ExactString``).
    package func sameBytes(as other: String) -> Bool { ExactString(self) == ExactString(other) }
}
