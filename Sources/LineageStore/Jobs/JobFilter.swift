import LineageFormat

/// Which jobs ``LineageStore/jobs(_:limit:cursor:)`` lists. Unset fields match every job.
public struct JobFilter: Sendable, Equatable {
    /// Only jobs with this status.
    public var status: JobStatus?
    /// Only jobs of this type.
    public var processType: ProcessType?
    /// Only jobs of this website.
    public var websiteID: String?
    /// Only jobs started at or after this time.
    public var since: Int64?

    /// Creates a filter.
    public init(
        status: JobStatus? = nil, processType: ProcessType? = nil, websiteID: String? = nil, since: Int64? = nil
    ) {
        self.status = status
        self.processType = processType
        self.websiteID = websiteID
        self.since = since
    }

    /// The most selective index query for this filter, newest first, and whether a record passes the rest.
    func plan(limit: Int, cursor: String?) -> (IndexQuery, (JobRecord) -> Bool) {
        let from = since.map { [TupleElement.int($0)] }
        let query: IndexQuery
        if let websiteID {
            query = IndexQuery(.jobsByWebsite, equal: [.string(websiteID)], from: from)
        } else if let status {
            query = IndexQuery(.jobsByStatus, equal: [.string(status.rawValue)], from: from)
        } else if let processType {
            query = IndexQuery(.jobsByType, equal: [.string(processType.rawValue)], from: from)
        } else {
            query = IndexQuery(.jobsByStart, from: from)
        }
        var paged = query
        paged.direction = .backward
        paged.limit = limit
        paged.cursor = cursor
        return (
            paged,
            { job in
                (status == nil || job.status == status) && (processType == nil || job.processType == processType)
                    && (websiteID.map(job.websiteID.sameBytes) ?? true)
            }
        )
    }
}
