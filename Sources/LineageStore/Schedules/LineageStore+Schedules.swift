import LineageFormat

extension LineageStore {
    /// ``WriteContext/setSchedule(userID:frequencyHours:)`` in a transaction of its own.
    @discardableResult
    public func setSchedule(userID: String, frequencyHours: Int = 24) throws -> ScheduleRecord {
        try write { try $0.setSchedule(userID: userID, frequencyHours: frequencyHours) }
    }

    /// ``Snapshot/schedule(userID:)`` in a snapshot of its own.
    public func schedule(userID: String) throws -> ScheduleRecord? {
        try read { try $0.schedule(userID: userID) }
    }

    /// ``Snapshot/schedules(limit:)`` in a snapshot of its own.
    public func schedules(limit: Int = .max) throws -> [ScheduleRecord] {
        try read { try $0.schedules(limit: limit) }
    }

    /// ``WriteContext/startBatchCrawl(userID:owner:lease:)`` in a transaction of its own.
    @discardableResult
    public func startBatchCrawl(userID: String, owner: String, lease: Int64) throws -> ScheduleRecord {
        try write { try $0.startBatchCrawl(userID: userID, owner: owner, lease: lease) }
    }

    /// ``WriteContext/renewBatchCrawl(userID:owner:lease:)`` in a transaction of its own.
    @discardableResult
    public func renewBatchCrawl(userID: String, owner: String, lease: Int64) throws -> ScheduleRecord {
        try write { try $0.renewBatchCrawl(userID: userID, owner: owner, lease: lease) }
    }

    /// ``WriteContext/completeBatchCrawl(userID:owner:sourcesCrawled:sourcesFailed:durationSeconds:)`` in a
    /// transaction of its own.
    @discardableResult
    public func completeBatchCrawl(
        userID: String, owner: String, sourcesCrawled: Int? = nil, sourcesFailed: Int? = nil,
        durationSeconds: Double? = nil
    ) throws -> ScheduleRecord {
        try write {
            try $0.completeBatchCrawl(
                userID: userID, owner: owner, sourcesCrawled: sourcesCrawled, sourcesFailed: sourcesFailed,
                durationSeconds: durationSeconds)
        }
    }

    /// ``WriteContext/failBatchCrawl(userID:owner:error:)`` in a transaction of its own.
    @discardableResult
    public func failBatchCrawl(userID: String, owner: String, error: String) throws -> ScheduleRecord {
        try write { try $0.failBatchCrawl(userID: userID, owner: owner, error: error) }
    }

    /// ``WriteContext/abandonBatchCrawl(userID:owner:)`` in a transaction of its own.
    @discardableResult
    public func abandonBatchCrawl(userID: String, owner: String) throws -> ScheduleRecord {
        try write { try $0.abandonBatchCrawl(userID: userID, owner: owner) }
    }

    /// ``WriteContext/releaseBatchCrawl(userID:by:)`` in a transaction of its own.
    @discardableResult
    public func releaseBatchCrawl(userID: String, by operator: String) throws -> ScheduleRecord {
        try write { try $0.releaseBatchCrawl(userID: userID, by: `operator`) }
    }

    /// ``Snapshot/dueSchedules(at:limit:)`` in a snapshot of its own.
    public func dueSchedules(at time: Int64, limit: Int = .max) throws -> [ScheduleRecord] {
        try read { try $0.dueSchedules(at: time, limit: limit) }
    }

    /// ``WriteContext/setSource(userID:id:name:url:)`` in a transaction of its own.
    @discardableResult
    public func setSource(userID: String, id: String, name: String, url: String) throws -> SourceRecord {
        try write { try $0.setSource(userID: userID, id: id, name: name, url: url) }
    }

    /// ``WriteContext/recordSourceCrawl(userID:sourceID:error:)`` in a transaction of its own.
    @discardableResult
    public func recordSourceCrawl(userID: String, sourceID: String, error: String? = nil) throws -> SourceRecord {
        try write { try $0.recordSourceCrawl(userID: userID, sourceID: sourceID, error: error) }
    }

    /// ``Snapshot/crawlHistory(userID:limit:)`` in a snapshot of its own.
    public func crawlHistory(userID: String, limit: Int = 100) throws -> [CrawlBatchRecord] {
        try read { try $0.crawlHistory(userID: userID, limit: limit) }
    }

    /// ``WriteContext/crawlStatusCreatingSchedule(userID:)``: a read when the schedule exists, else one
    /// transaction that creates it.
    public func crawlStatusCreatingSchedule(userID: String) throws -> CrawlStatus {
        if let status = try read({ try $0.schedule(userID: userID) == nil ? nil : $0.crawlStatus(userID: userID) }) {
            return status
        }
        return try write { try $0.crawlStatusCreatingSchedule(userID: userID) }
    }

    /// ``Snapshot/crawlStatus(userID:)`` in a snapshot of its own.
    public func crawlStatus(userID: String) throws -> CrawlStatus {
        try read { try $0.crawlStatus(userID: userID) }
    }
}
