import LineageFormat

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LineageStore {
    /// ``WriteContext/recordContent(_:seenAt:)`` in a transaction of its own.
    @discardableResult
    public func recordContent(_ digests: FileDigests, seenAt location: String) throws -> ContentRecord {
        try write { try $0.recordContent(digests, seenAt: location) }
    }

    /// ``Snapshot/content(sha256:)`` in a snapshot of its own.
    public func content(sha256: [UInt8]) throws -> ContentRecord? {
        try read { try $0.content(sha256: sha256) }
    }

    /// ``Snapshot/contents(xxh3:)`` in a snapshot of its own.
    public func contents(xxh3: Digest128) throws -> [ContentRecord] {
        try read { try $0.contents(xxh3: xxh3) }
    }

    /// ``Snapshot/sightings(sha256:)`` in a snapshot of its own.
    public func sightings(sha256: [UInt8]) throws -> [SightingRecord] {
        try read { try $0.sightings(sha256: sha256) }
    }

    /// ``Snapshot/duplicates()`` in a snapshot of its own.
    public func duplicates() throws -> [DuplicateContent] {
        try read { try $0.duplicates() }
    }

    /// Hashes the file at `path`, reusing the stat cache when its size, mtime, ctime, inode and device are unchanged,
    /// and optionally records the content as seen at the file's canonical path (absolute, symbolic links
    /// resolved), so two spellings of one file are one location.
    ///
    /// - Parameters:
    ///   - algorithms: the digests needed; registering requires SHA-256.
    ///   - register: record the content and a sighting at the path.
    /// - Throws: `.io` naming the file when it cannot be read or changes while being hashed.
    @discardableResult
    public func hashFile(
        at path: String, algorithms: FileHasher.Algorithms = .sha256AndXXH3, register: Bool = false,
        progress: ((UInt64, UInt64) -> Void)? = nil
    ) throws -> HashedFile {
        if register && algorithms == .xxh3Only {
            throw StoreError(.invalidInput, "registering \(path) needs its SHA-256; hash with sha256+xxh3")
        }
        guard let resolved = realpath(path, nil) else { throw StoreError(.io, "cannot open \(path): \(errnoText())") }
        let absolute = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(absolute, &info) == 0 else { throw StoreError(.io, "cannot stat \(path): \(errnoText())") }
        if let cached = try cachedDigests(absolute, FileIdentity(info), algorithms) {
            if register { try recordContent(cached, seenAt: absolute) }
            return HashedFile(path: path, digests: cached, fromCache: true)
        }
        let (digests, identity) = try FileHasher(algorithms: algorithms).digests(ofFileAt: absolute, progress: progress)
        if !options.readOnly {
            try write { context in
                let entry = StatCacheRecord(path: absolute, identity: identity, digests: digests, hashedAt: context.now)
                try context.save(entry)
                if register { try context.recordContent(digests, seenAt: absolute) }
            }
        }
        return HashedFile(path: path, digests: digests, fromCache: false)
    }

    /// The content of the file at `path` if this store has seen it before (by SHA-256), else `nil`.
    public func seenBefore(fileAt path: String) throws -> ContentRecord? {
        let hashed = try hashFile(at: path)
        return try content(sha256: hashed.digests.sha256!)
    }

    private func cachedDigests(_ path: String, _ identity: FileIdentity, _ algorithms: FileHasher.Algorithms) throws
        -> FileDigests?
    {
        guard let entry = try read({ try $0.fetch(StatCacheRecord.self, [.hashed(path)]) }),
            // An entry from before 1.6 has no ctime to compare: it is never reused.
            entry.path == path, entry.changedAtNanoseconds != 0, entry.identity == identity,
            let xxh3 = Digest128(canonical: entry.xxh3),
            algorithms == .xxh3Only || entry.sha256?.count == 32
        else { return nil }
        return FileDigests(size: entry.size, sha256: algorithms == .xxh3Only ? nil : entry.sha256, xxh3: xxh3)
    }
}

extension StatCacheRecord {
    /// A cache entry saying that `path`, looking like `identity`, had `digests`.
    init(path: String, identity: FileIdentity, digests: FileDigests, hashedAt: Int64) {
        self.init()
        self.path = path
        size = identity.size
        modifiedAtNanoseconds = identity.modifiedAtNanoseconds
        inode = identity.inode
        device = identity.device
        changedAtNanoseconds = identity.changedAtNanoseconds
        sha256 = digests.sha256
        xxh3 = digests.xxh3.canonicalBytes
        self.hashedAt = hashedAt
    }

    /// What the file looked like when it was hashed.
    var identity: FileIdentity {
        FileIdentity(
            size: size, modifiedAtNanoseconds: modifiedAtNanoseconds, inode: inode, device: device,
            changedAtNanoseconds: changedAtNanoseconds)
    }
}
