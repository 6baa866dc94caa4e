import LineageFormat

/// The result of hashing a file through the store.
public struct HashedFile: Sendable, Equatable {
    /// The path that was hashed.
    public var path: String
    /// Its digests.
    public var digests: FileDigests
    /// Whether the digests came from the stat cache (the file was not read).
    public var fromCache: Bool

    /// Creates a result.
    public init(path: String, digests: FileDigests, fromCache: Bool) {
        self.path = path
        self.digests = digests
        self.fromCache = fromCache
    }
}

extension HashedFile: Encodable {
    /// `file`, `from_cache`, and the content registry's names for the size and digests (`sha256` only when
    /// it was computed).
    public func encode(to encoder: any Encoder) throws {
        var content = ContentRecord()
        content.size = digests.size
        content.xxh3 = digests.xxh3.canonicalBytes
        content.sha256 = digests.sha256 ?? []
        var object = content.jsonValue(only: digests.sha256 == nil ? [\.size, \.xxh3] : [\.size, \.xxh3, \.sha256])
        object["file"] = .string(path)
        object["from_cache"] = .bool(fromCache)
        try JSONValue.object(object).encode(to: encoder)
    }
}
