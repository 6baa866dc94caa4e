import LineageFormat

/// What a job saw of one URL: the input of ``LineageStore/recordPage(_:by:)``.
public struct PageObservation: Sendable, Equatable {
    /// The website the page belongs to.
    public var websiteID: String
    /// The page's URL.
    public var url: String
    /// `active` when crawled, `error` when the crawl failed (to retry), `deleted` when gone.
    public var status: PageStatus
    /// The XXH3-128 of the crawled content, for `active` pages.
    public var contentHash: Digest128?
    /// The scrape batch that produced the content, or empty.
    public var batchID: String
    /// The failure message, for `error`.
    public var error: String

    /// Creates an observation.
    public init(
        websiteID: String, url: String, status: PageStatus = .active, contentHash: Digest128? = nil,
        batchID: String = "", error: String = ""
    ) {
        self.websiteID = websiteID
        self.url = url
        self.status = status
        self.contentHash = contentHash
        self.batchID = batchID
        self.error = error
    }
}

/// What ``LineageStore/recordPage(_:by:)`` did to a page.
public struct PageUpdate: Sendable, Equatable {
    /// The page after the call.
    public var page: PageRecord
    /// What changed (`unchanged` when nothing was written).
    public var change: PageChange
}

/// Which pages ``LineageStore/pages(_:limit:cursor:)`` lists.
public enum PageSelection: Sendable, Equatable {
    /// Pages the job created.
    case createdBy(String)
    /// Pages the job last changed.
    case updatedBy(String)
    /// Pages whose crawl the job last failed.
    case failedBy(String)
    /// Pages whose current content came from the batch.
    case batch(String)
    /// A website's pages with a status.
    case status(websiteID: String, PageStatus)

    var query: IndexQuery {
        switch self {
        case .createdBy(let job): IndexQuery(.pagesByCreator, equal: [.string(job)])
        case .updatedBy(let job): IndexQuery(.pagesByUpdater, equal: [.string(job)])
        case .failedBy(let job): IndexQuery(.pagesByFailer, equal: [.string(job)])
        case .batch(let batch): IndexQuery(.pagesByBatch, equal: [.string(batch)])
        case .status(let website, let status):
            IndexQuery(.pagesByStatus, equal: [.string(website), .string(status.rawValue)])
        }
    }
}

/// A page's lineage in one answer: ``Snapshot/trace(pageID:)``.
public struct PageTrace: Sendable, Encodable {
    /// The page now.
    public var page: PageRecord
    /// The job that created it.
    public var createdBy: JobRecord?
    /// The job that last changed it.
    public var lastUpdatedBy: JobRecord?
    /// The job whose crawl of it last failed.
    public var failedBy: JobRecord?
    /// The batch that produced its current content.
    public var batchID: String
    /// Errors those jobs recorded about this page or about the whole job, oldest first.
    public var errors: [EventRecord]
    /// Every version, oldest first.
    public var history: [PageVersionRecord]

    private enum CodingKeys: String, CodingKey {
        case page, createdBy = "created_by", lastUpdatedBy = "last_updated_by", failedBy = "failed_by"
        case batchID = "batch_id", errors, history
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(page, forKey: .page)
        try container.encode(createdBy, forKey: .createdBy)
        try container.encode(lastUpdatedBy, forKey: .lastUpdatedBy)
        try container.encode(failedBy, forKey: .failedBy)
        try container.encode(batchID, forKey: .batchID)
        try container.encode(errors, forKey: .errors)
        try container.encode(history, forKey: .history)
    }
}
