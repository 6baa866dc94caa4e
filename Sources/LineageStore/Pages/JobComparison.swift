import LineageFormat

/// How two runs left a website's pages (the seed's "compare different ingestion runs"): the pages that
/// existed as one run left them and not as the other did, and the pages whose content differs between them.
///
/// A page's state as a run left it is ``Snapshot/pageState(id:asOfJob:)``; pages are matched by URL, so the
/// runs may be on different websites (a staging and a production crawl of the same paths).
public struct JobComparison: Sendable, Encodable {
    /// One page as the two runs left it.
    public struct PageDifference: Sendable, Encodable {
        /// The page's URL.
        public var url: String
        /// Its state as the first run left it, or `nil` where it did not exist (or was deleted).
        public var first: PageVersionRecord?
        /// Its state as the second run left it, or `nil`.
        public var second: PageVersionRecord?
    }

    /// The first run.
    public var first: JobRecord
    /// The second run.
    public var second: JobRecord
    /// Pages that existed as the first run left them and not as the second did.
    public var onlyInFirst: [PageDifference]
    /// Pages that existed as the second run left them and not as the first did.
    public var onlyInSecond: [PageDifference]
    /// Pages both runs left existing whose content hash or status differs.
    public var changed: [PageDifference]
    /// Pages both runs left existing, the same.
    public var unchangedCount: Int

    private enum CodingKeys: String, CodingKey {
        case first, second, onlyInFirst = "only_in_first", onlyInSecond = "only_in_second", changed,
            unchangedCount = "unchanged_count"
    }
}

extension Snapshot {
    /// Compares how runs `firstID` and `secondID` left their websites' pages.
    /// - Throws: `.notFound` naming an unknown job.
    /// - Complexity: O(pages of both websites × their versions).
    public func compareJobs(_ firstID: String, _ secondID: String) throws -> JobComparison {
        func required(_ id: String) throws -> JobRecord {
            guard let job = try job(id) else { throw StoreError(.notFound, "no job \(id) in \(path)") }
            return job
        }
        let (first, second) = (try required(firstID), try required(secondID))
        func states(_ job: JobRecord) throws -> [ExactString: PageVersionRecord] {
            var states: [ExactString: PageVersionRecord] = [:]
            for status in PageStatus.known {
                for page in try pages(.status(websiteID: job.websiteID, status), limit: .max).records {
                    if let state = try pageState(id: page.id, asOfJob: job.id), state.status != .deleted {
                        states[ExactString(page.url)] = state
                    }
                }
            }
            return states
        }
        let (before, after) = (try states(first), try states(second))
        func difference(_ url: ExactString) -> JobComparison.PageDifference {
            JobComparison.PageDifference(url: url.string, first: before[url], second: after[url])
        }
        var changed: [JobComparison.PageDifference] = []
        var unchanged = 0
        for (url, old) in before {
            guard let new = after[url] else { continue }
            if old.contentHash == new.contentHash && old.status == new.status {
                unchanged += 1
            } else {
                changed.append(difference(url))
            }
        }
        let byURL = { (a: JobComparison.PageDifference, b: JobComparison.PageDifference) in
            ExactString(a.url) < ExactString(b.url)
        }
        return JobComparison(
            first: first, second: second,
            onlyInFirst: before.keys.filter { after[$0] == nil }.map(difference).sorted(by: byURL),
            onlyInSecond: after.keys.filter { before[$0] == nil }.map(difference).sorted(by: byURL),
            changed: changed.sorted(by: byURL), unchangedCount: unchanged)
    }
}

extension LineageStore {
    /// ``Snapshot/compareJobs(_:_:)`` in a snapshot of its own.
    public func compareJobs(_ firstID: String, _ secondID: String) throws -> JobComparison {
        try read { try $0.compareJobs(firstID, secondID) }
    }
}
