import LineageStore

extension StatusReport {
    /// The status screen as text for the store at `path`.
    func text(path: String) -> String {
        var text = "LineageStore status — \(path) at \(Human.time(at))\n\n"
        text += "Jobs running (\(runningJobs.count)) and failed in the last 24 h (\(failedJobs.count)):\n"
        text += TextTable.jobs(runningJobs + failedJobs, now: at).render() + "\n"
        if !stalledJobs.isEmpty {
            text += "Jobs stalled: running, no update for \(Human.duration(stalledAfterSeconds)) "
            text += "(\(stalledJobs.count)):\n"
            text += TextTable.stalledJobs(stalledJobs, now: at).render() + "\n"
        }
        text += "Schedules due (\(dueSchedules.count)) and stuck leases (\(stuckLeases.count)):\n"
        text += TextTable.schedules(stuckLeases + dueSchedules.prefix(10), now: at).render() + "\n"
        text += "Imports failed in the last 24 h (\(failedImportCount)):\n"
        text += TextTable.imports(failedImports, now: at).render() + "\n"
        text += "Documents blocked in a stage (\(blockedDocuments.count)):\n"
        var documents = TextTable("DOCUMENT", "STAGE", "RETRIES", "ERROR", numeric: [2])
        for state in blockedDocuments {
            documents.add(state.documentID, state.stage, String(state.retryCount), state.errorMessage)
        }
        return text + documents.render()
    }
}
