import LineageFormat
import LineageStore

extension PageTrace {
    /// The trace for people: the page, its jobs, batch, errors, and history.
    var text: String {
        var text = "\(page.url)  (\(page.status), website \(page.websiteID))\n"
        text += "  created by      \(Self.describe(createdBy))\n"
        text += "  last updated by \(Self.describe(lastUpdatedBy))\n"
        if let failed = failedBy { text += "  failed by       \(Self.describe(failed))\n" }
        text += "  batch           \(batchID.isEmpty ? "-" : batchID)\n"
        for error in errors {
            text += "  error           \(Human.time(error.at))  \(error.jobID): \(error.message)\n"
        }
        var versions = TextTable("VERSION", "AT", "CHANGE", "JOB", "BATCH", "STATUS", "HASH", numeric: [0])
        for version in history {
            versions.add(
                String(version.version), Human.time(version.at), version.change.rawValue, version.jobID,
                version.batchID.isEmpty ? "-" : version.batchID, version.status.rawValue,
                version.contentHash.map { String(Hex.encode($0).prefix(12)) } ?? "-")
        }
        return text + "\n" + versions.render()
    }

    /// One of the trace's jobs in a line: id, type, status and start.
    private static func describe(_ job: JobRecord?) -> String {
        guard let job else { return "-" }
        return "\(job.id) (\(job.processType), \(job.status), started \(Human.time(job.startedAt)))"
    }
}
