import LineageFormat

extension WriteContext {
    /// Records that content with `digests` was seen at `location` (a path, `import:ID`, `stage_output:ID`).
    ///
    /// The first sighting creates the content record and its XXH3-128 index entry; every sighting bumps the
    /// content's and the location's counts.
    /// - Throws: `.invalidInput` if the digests lack SHA-256 or the location is empty.
    @discardableResult
    public func recordContent(_ digests: FileDigests, seenAt location: String) throws -> ContentRecord {
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
