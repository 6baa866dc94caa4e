/// A range of keys in byte (memcmp) order, for scans.
public struct KeyRange: Sendable, Equatable {
    /// One end of a range.
    public enum Bound: Sendable, Equatable {
        /// The end includes this key.
        case inclusive([UInt8])
        /// The end excludes this key.
        case exclusive([UInt8])

        var key: [UInt8] {
            switch self {
            case .inclusive(let key), .exclusive(let key): key
            }
        }
        var isInclusive: Bool { if case .inclusive = self { true } else { false } }
    }

    /// The lower end, or `nil` for the first key.
    public var lower: Bound?
    /// The upper end, or `nil` for the last key.
    public var upper: Bound?

    /// Creates a range between two optional bounds.
    public init(lower: Bound? = nil, upper: Bound? = nil) {
        self.lower = lower
        self.upper = upper
    }

    /// Every key of the database.
    public static let all = KeyRange()

    /// Every key that starts with `prefix`.
    public static func prefix(_ prefix: [UInt8]) -> KeyRange {
        guard !prefix.isEmpty else { return .all }
        return KeyRange(lower: .inclusive(prefix), upper: prefixSuccessor(prefix).map { .exclusive($0) })
    }

    /// The smallest key greater than every key with this prefix, or `nil` if there is none (all 0xFF).
    public static func prefixSuccessor(_ prefix: [UInt8]) -> [UInt8]? {
        var bytes = prefix
        while let last = bytes.last {
            if last < 0xFF {
                bytes[bytes.count - 1] = last + 1
                return bytes
            }
            bytes.removeLast()
        }
        return nil
    }

    /// Whether `key` lies inside the range.
    public func contains(_ key: [UInt8]) -> Bool {
        key.withUnsafeBytes { isAboveLower($0) && isBelowUpper($0) }
    }

    /// Whether `key` lies above the lower bound.
    func isAboveLower(_ key: UnsafeRawBufferPointer) -> Bool {
        guard let lower else { return true }
        let order = compareBytes(key, lower.key)
        return order > 0 || (order == 0 && lower.isInclusive)
    }

    /// Whether `key` lies below the upper bound.
    func isBelowUpper(_ key: UnsafeRawBufferPointer) -> Bool {
        guard let upper else { return true }
        let order = compareBytes(key, upper.key)
        return order < 0 || (order == 0 && upper.isInclusive)
    }
}

/// Compares bytes as `memcmp` then length, which is LMDB's default key order.
func compareBytes(_ lhs: UnsafeRawBufferPointer, _ rhs: [UInt8]) -> Int {
    rhs.withUnsafeBytes { rhs in
        let common = min(lhs.count, rhs.count)
        for index in 0..<common where lhs[index] != rhs[index] {
            return lhs[index] < rhs[index] ? -1 : 1
        }
        return lhs.count == rhs.count ? 0 : (lhs.count < rhs.count ? -1 : 1)
    }
}

/// The order in which a scan visits keys.
public enum ScanDirection: Sendable {
    /// Ascending byte order.
    case forward
    /// Descending byte order.
    case backward
}
