import LineageFormat

extension Snapshot {
    /// The content with this SHA-256, or `nil` if it was never seen.
    public func content(sha256: [UInt8]) throws -> ContentRecord? {
        try fetch(ContentRecord.self, [.bytes(sha256)])
    }

    /// The contents whose XXH3-128 is `xxh3` (one, barring a collision), through the XXH3 index.
    public func contents(xxh3: Digest128) throws -> [ContentRecord] {
        try query(ContentRecord.self, IndexQuery(.contentByXXH3, equal: [.bytes(xxh3.canonicalBytes)]))
            .records
    }

    /// Every place the content with this SHA-256 was seen.
    public func sightings(sha256: [UInt8]) throws -> [SightingRecord] {
        try records(SightingRecord.self, prefix: [.bytes(sha256)])
    }

    /// Contents seen at two or more distinct locations, largest first, with their sightings.
    public func duplicates() throws -> [DuplicateContent] {
        let contents = try records(ContentRecord.self)
        return try contents.compactMap { content -> DuplicateContent? in
            let sightings = try records(SightingRecord.self, prefix: [.bytes(content.sha256)])
            return sightings.count >= 2 ? DuplicateContent(content: content, sightings: sightings) : nil
        }
        .sorted { a, b in
            a.content.size != b.content.size
                ? a.content.size > b.content.size : a.content.sha256.lexicographicallyPrecedes(b.content.sha256)
        }
    }
}
