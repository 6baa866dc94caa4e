import LineageFormat

extension LineageStore {
    /// ``WriteContext/startJob(id:websiteID:processType:metadata:)`` in a transaction of its own.
    @discardableResult
    public func startJob(
        id: String? = nil, websiteID: String, processType: ProcessType, metadata: String = ""
    ) throws -> JobRecord {
        try write { try $0.startJob(id: id, websiteID: websiteID, processType: processType, metadata: metadata) }
    }

    /// ``WriteContext/updateJobStatus(_:to:error:)`` in a transaction of its own.
    @discardableResult
    public func updateJobStatus(_ id: String, to status: JobStatus, error: String? = nil) throws -> JobRecord {
        try write { try $0.updateJobStatus(id, to: status, error: error) }
    }

    /// ``WriteContext/completeJob(_:)`` in a transaction of its own.
    @discardableResult
    public func completeJob(_ id: String) throws -> JobRecord { try write { try $0.completeJob(id) } }

    /// ``WriteContext/recordJobError(_:message:url:details:)`` in a transaction of its own.
    @discardableResult
    public func recordJobError(_ id: String, message: String, url: String = "", details: String = "") throws
        -> EventRecord
    {
        try write { try $0.recordJobError(id, message: message, url: url, details: details) }
    }

    /// ``Snapshot/stalledJobs(idleFor:limit:)`` in a snapshot of its own.
    public func stalledJobs(idleFor idle: Int64, limit: Int = .max) throws -> [JobRecord] {
        try read { try $0.stalledJobs(idleFor: idle, limit: limit) }
    }

    /// ``Snapshot/job(_:)`` in a snapshot of its own.
    public func job(_ id: String) throws -> JobRecord? { try read { try $0.job(id) } }

    /// ``Snapshot/jobs(_:limit:cursor:)`` in a snapshot of its own.
    public func jobs(_ filter: JobFilter = JobFilter(), limit: Int = 100, cursor: String? = nil) throws
        -> QueryPage<JobRecord>
    {
        try read { try $0.jobs(filter, limit: limit, cursor: cursor) }
    }

    /// ``Snapshot/jobEvents(_:limit:)`` in a snapshot of its own.
    public func jobEvents(_ id: String, limit: Int = .max) throws -> [EventRecord] {
        try read { try $0.jobEvents(id, limit: limit) }
    }

    /// ``Snapshot/jobErrors(_:)`` in a snapshot of its own.
    public func jobErrors(_ id: String) throws -> [EventRecord] { try read { try $0.jobErrors(id) } }
}
