import LineageFormat
import LineageStore

/// The tables every command that lists records shares: a table is a view of the same values the JSON
/// formats encode.
extension TextTable {
    /// Jobs: id, type, status, start and progress.
    static func jobs(_ jobs: [JobRecord], now: Int64) -> TextTable {
        var table = TextTable("JOB", "TYPE", "STATUS", "STARTED", "PROGRESS", "ERRORS", numeric: [5])
        for job in jobs {
            table.add(
                job.id, job.processType.rawValue, job.status.rawValue, Human.relative(job.startedAt, now: now),
                Human.progress(job), String(job.errorCount))
        }
        return table
    }

    /// Stalled jobs: when each last heard, its pace, progress and stage.
    static func stalledJobs(_ jobs: [JobRecord], now: Int64) -> TextTable {
        var table = TextTable("JOB", "LAST UPDATE", "UPDATES/MIN", "PROGRESS", "STAGE", numeric: [2])
        for job in jobs {
            table.add(
                job.id, Human.relative(job.updatedAt, now: now), String(format: "%.1f", job.updatesPerMinute),
                Human.progress(job), job.stage)
        }
        return table
    }

    /// Schedules: last and next crawl, frequency, last counts and the lease.
    static func schedules(_ schedules: [ScheduleRecord], now: Int64) -> TextTable {
        var table = TextTable("USER", "LAST CRAWL", "NEXT", "EVERY", "CRAWLED", "FAILED", "LEASE", numeric: [4, 5])
        for schedule in schedules {
            let lease =
                schedule.leaseOwner.map { owner in
                    "\(owner) since \(Human.relative(schedule.leaseSince, now: now))"
                        + (schedule.isCrawling(at: now) ? "" : " (expired)")
                } ?? "-"
            table.add(
                schedule.userID, Human.relative(schedule.lastBatchCrawlAt, now: now),
                Human.relative(schedule.nextScheduledCrawlAt, now: now), "\(schedule.frequencyHours) h",
                String(schedule.sourcesCrawled), String(schedule.sourcesFailed), lease)
        }
        return table
    }

    /// Imports: table, file, status, rows, start, duration and user.
    static func imports(_ imports: [ImportRecord], now: Int64) -> TextTable {
        var table = TextTable("ID", "TABLE", "FILE", "STATUS", "ROWS IN", "STARTED", "DURATION", "USER", numeric: [4])
        for record in imports {
            table.add(
                record.id, record.tableName, record.fileName, record.status.rawValue, String(record.insertedRows),
                Human.relative(record.startedAt, now: now),
                record.completedAt == nil ? "-" : Human.duration(record.durationSeconds),
                record.userID.isEmpty ? "-" : record.userID)
        }
        return table
    }
}

extension Human {
    /// A job's progress: a bar when its total is known, else its item count.
    static func progress(_ job: JobRecord) -> String {
        if job.totalItems > 0 { return Human.bar(job.processedItems, of: job.totalItems, width: 10) }
        return job.processedItems > 0 ? "\(job.processedItems) items" : "-"
    }
}
