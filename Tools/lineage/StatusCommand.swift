import ArgumentParser
import LineageStore

/// `lineage status`: one screen for an operator.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Jobs running or failed in the last 24 h, schedules due or with stuck leases, failed imports, blocked documents."
    )
    @OptionGroup var location: StoreLocation
    @OptionGroup var output: FormatOption

    func run() throws {
        try inspect(location) { store in
            let (object, text) = try Self.report(store)
            output.output.printOne(object, table: text)
        }
    }

    /// The status screen as JSON and as text.
    static func report(_ store: LineageStore) throws -> ([String: Any], String) {
        let now = store.clock.now()
        let day = now - Timestamp.day
        let running = try store.jobs(JobFilter(status: .running), limit: 20).records
        let failed = try store.jobs(JobFilter(status: .failed, since: day), limit: 20).records
        let schedules = try store.schedules()
        let due = try store.dueSchedules(at: now)
        let stuck = schedules.filter { !$0.leaseOwner.isEmpty && !$0.isCrawling(at: now) }
        let dueOnly = due.filter { schedule in !stuck.contains { $0.userID == schedule.userID } }
        let failedImports = try store.imports(ImportFilter(status: .failed, since: day), limit: 10)
        let graph = try store.stageGraph()
        var blocked: [DocumentStageRecord] = []
        for stage in graph.stages {
            blocked += try store.documents(atStage: stage.name, status: .failed, limit: 20).records
        }
        let object: [String: Any] = [
            "running_jobs": running.map(\.json), "failed_jobs": failed.map(\.json),
            "due_schedules": due.map(\.jsonObject), "stuck_leases": stuck.map(\.jsonObject),
            "failed_imports": failedImports.imports.map(\.jsonObject),
            "blocked_documents": blocked.map(\.jsonObject),
        ]
        var text = "LineageStore status — \(store.path) at \(Human.time(now))\n\n"
        text += "Jobs running (\(running.count)) and failed in the last 24 h (\(failed.count)):\n"
        var jobs = TextTable("JOB", "TYPE", "STATUS", "STARTED", "PROGRESS", "ERRORS", numeric: [5])
        for job in running + failed {
            jobs.add(
                job.id, job.processType.rawValue, job.status.rawValue, Human.relative(job.startedAt, now: now),
                JobsCommand.progress(job), String(job.errorCount))
        }
        text += jobs.render() + "\n"
        text += "Schedules due (\(due.count)) and stuck leases (\(stuck.count)):\n"
        text += SchedulesCommand.table(stuck + dueOnly.prefix(10), now: now).render() + "\n"
        text += "Imports failed in the last 24 h (\(failedImports.total)):\n"
        text += ImportsCommand.table(failedImports.imports, now: now).render() + "\n"
        text += "Documents blocked in a stage (\(blocked.count)):\n"
        var documents = TextTable("DOCUMENT", "STAGE", "RETRIES", "ERROR", numeric: [2])
        for state in blocked {
            documents.add(state.documentID, state.stage, String(state.retryCount), state.errorMessage)
        }
        text += documents.render()
        return (object, text)
    }
}
