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
