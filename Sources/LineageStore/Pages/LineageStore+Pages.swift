import LineageFormat

extension LineageStore {
    /// ``WriteContext/recordPage(_:by:)`` in a transaction of its own.
    @discardableResult
    public func recordPage(_ observation: PageObservation, by jobID: String) throws -> PageUpdate {
        try write { try $0.recordPage(observation, by: jobID) }
    }

    /// ``WriteContext/recordPages(_:by:)`` in one transaction: all apply or none does.
    @discardableResult
    public func recordPages(_ observations: [PageObservation], by jobID: String) throws -> [PageUpdate] {
        try write { try $0.recordPages(observations, by: jobID) }
    }

    /// ``Snapshot/page(id:)`` in a snapshot of its own.
    public func page(id: String) throws -> PageRecord? { try read { try $0.page(id: id) } }

    /// ``Snapshot/page(websiteID:url:)`` in a snapshot of its own.
    public func page(websiteID: String, url: String) throws -> PageRecord? {
        try read { try $0.page(websiteID: websiteID, url: url) }
    }

    /// ``Snapshot/pages(_:limit:cursor:)`` in a snapshot of its own.
    public func pages(_ selection: PageSelection, limit: Int = 100, cursor: String? = nil) throws
        -> QueryPage<PageRecord>
    {
        try read { try $0.pages(selection, limit: limit, cursor: cursor) }
    }

    /// ``Snapshot/countPages(_:)`` in a snapshot of its own.
    public func countPages(_ selection: PageSelection) throws -> Int { try read { try $0.countPages(selection) } }

    /// ``Snapshot/pageHistory(id:)`` in a snapshot of its own.
    public func pageHistory(id: String) throws -> [PageVersionRecord] { try read { try $0.pageHistory(id: id) } }

    /// ``Snapshot/pageState(id:asOf:)`` in a snapshot of its own.
    public func pageState(id: String, asOf time: Int64) throws -> PageVersionRecord? {
        try read { try $0.pageState(id: id, asOf: time) }
    }

    /// ``Snapshot/pageState(id:asOfJob:)`` in a snapshot of its own.
    public func pageState(id: String, asOfJob jobID: String) throws -> PageVersionRecord? {
        try read { try $0.pageState(id: id, asOfJob: jobID) }
    }

    /// ``Snapshot/trace(pageID:)`` in a snapshot of its own.
    public func trace(pageID: String) throws -> PageTrace { try read { try $0.trace(pageID: pageID) } }
}
