import LineageFormat

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

/// A content seen in more than one place, with every place it was seen.
public struct DuplicateContent: Sendable, Equatable {
    /// The content.
    public var content: ContentRecord
    /// Where it was seen, in key order.
    public var sightings: [SightingRecord]
}

extension LineageStore {
    /// Records that content with `digests` was seen at `location` (a path, `import:ID`, `stage_output:ID`).
    ///
    /// The first sighting creates the content record and its XXH3-128 index entry; every sighting bumps the
    /// content's and the location's counts. One transaction.
    /// - Throws: `.invalidInput` if the digests lack SHA-256 or the location is empty.
    @discardableResult
    public func recordContent(_ digests: FileDigests, seenAt location: String) throws -> ContentRecord {
        try write { try $0.recordContent(digests, seenAt: location) }
    }

    /// The content with this SHA-256, or `nil` if it was never seen.
    public func content(sha256: [UInt8]) throws -> ContentRecord? {
        try read { try $0.fetch(ContentRecord.self, [.bytes(sha256)]) }
    }

    /// The contents whose XXH3-128 is `xxh3` (one, barring a collision), through the XXH3 index.
    public func contents(xxh3: Digest128) throws -> [ContentRecord] {
        try read { snapshot in
            try snapshot.query(ContentRecord.self, IndexQuery(.contentByXXH3, equal: [.bytes(xxh3.canonicalBytes)]))
                .records
        }
    }

    /// Every place the content with this SHA-256 was seen.
    public func sightings(sha256: [UInt8]) throws -> [SightingRecord] {
        try read { try $0.records(SightingRecord.self, prefix: [.bytes(sha256)]) }
    }

    /// Contents seen at two or more distinct locations, largest first, with their sightings.
    public func duplicates() throws -> [DuplicateContent] {
        try read { snapshot in
            let contents = try snapshot.records(ContentRecord.self)
            return try contents.compactMap { content -> DuplicateContent? in
                let sightings = try snapshot.records(SightingRecord.self, prefix: [.bytes(content.sha256)])
                return sightings.count >= 2 ? DuplicateContent(content: content, sightings: sightings) : nil
            }
            .sorted { a, b in
                a.content.size != b.content.size
                    ? a.content.size > b.content.size : a.content.sha256.lexicographicallyPrecedes(b.content.sha256)
            }
        }
    }

    /// Hashes the file at `path`, reusing the stat cache when its size, mtime, inode and device are unchanged,
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
            entry.path == path, entry.identity == identity, let xxh3 = Digest128(canonical: entry.xxh3),
            algorithms == .xxh3Only || entry.sha256.count == 32
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
        sha256 = digests.sha256 ?? []
        xxh3 = digests.xxh3.canonicalBytes
        self.hashedAt = hashedAt
    }

    /// What the file looked like when it was hashed.
    var identity: FileIdentity {
        FileIdentity(size: size, modifiedAtNanoseconds: modifiedAtNanoseconds, inode: inode, device: device)
    }
}

extension WriteContext {
    /// Records a sighting of `digests` at `location` in this transaction.
    @discardableResult
    func recordContent(_ digests: FileDigests, seenAt location: String) throws -> ContentRecord {
        guard let sha256 = digests.sha256, sha256.count == 32 else {
            throw StoreError(.invalidInput, "content seen at \(location) has no SHA-256; it cannot be registered")
        }
        guard !location.isEmpty, !location.utf8.contains(0) else {
            throw StoreError(.invalidInput, "a content location must be non-empty and free of NUL bytes")
        }
        var content = try fetch(ContentRecord.self, [.bytes(sha256)]) ?? ContentRecord()
        if content.sha256.isEmpty {
            content.sha256 = sha256
            content.xxh3 = digests.xxh3.canonicalBytes
            content.size = digests.size
            content.firstSeenAt = now
        }
        content.lastSeenAt = now
        content.seenCount += 1
        try save(content)
        var sighting = try fetch(SightingRecord.self, [.bytes(sha256), .hashed(location)]) ?? SightingRecord()
        if sighting.location.isEmpty {
            sighting.sha256 = sha256
            sighting.location = location
            sighting.firstSeenAt = now
        } else if sighting.location != location {
            throw StoreError(
                .conflict, "locations \(sighting.location) and \(location) share an XXH3-128; refusing to merge them")
        }
        sighting.lastSeenAt = now
        sighting.count += 1
        try save(sighting)
        return content
    }
}
