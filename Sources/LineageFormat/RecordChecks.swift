/// The checks record types share in their ``StoredRecord/recordViolation``: digests of their exact length,
/// durations within the store's range, paths confined to the folder they are relative to.
package enum RecordChecks {
    /// Why the digest in `field` is not `length` bytes (an absent or empty one is not set), or `nil`.
    package static func digest(_ field: String, _ bytes: [UInt8]?, length: Int) -> String? {
        guard let bytes, !bytes.isEmpty, bytes.count != length else { return nil }
        return "\(field) is \(bytes.count) bytes; a digest of its kind is \(length)"
    }

    /// Why the duration in `field` is negative or longer than a century, or `nil`.
    package static func duration(_ field: String, _ seconds: Double) -> String? {
        let century = Double(Timestamp.century / Timestamp.second)
        return (0...century).contains(seconds) ? nil : "\(field) is \(seconds) s; durations are 0 to \(Int(century)) s"
    }

    /// Why `path` is not a relative path inside its folder (empty, absolute, with a `..` part or a NUL byte),
    /// or `nil`.
    package static func confinedPath(_ field: String, _ path: String) -> String? {
        if path.isEmpty { return "\(field) is empty" }
        if path.utf8.contains(0) { return "\(field) holds a NUL byte" }
        if path.hasPrefix("/") { return "\(field) \(path) is absolute; paths are relative to their folder" }
        if path.split(separator: "/").contains("..") { return "\(field) \(path) leaves its folder (..)" }
        return nil
    }

    /// The first of `violations` that is not `nil`.
    package static func first(_ violations: String?...) -> String? { violations.lazy.compactMap { $0 }.first }
}
