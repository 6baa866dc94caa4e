/// The columns PostgreSQL derives from rows already mirrored, in the transaction that wrote them: a job's
/// `timeline` in `job.progress` and its `errors` in `process_jobs` from its rows of `lineage_job_events` (as
/// the job's rows are inserted, after its events, or by an update when only its events changed), and
/// `user_crawl_schedule.is_crawling` from the lease and PostgreSQL's clock. Each statement takes the store's id
/// as `$1`; the job updates take, as `$2`, a JSON array of the job ids to refresh.
///
/// The timeline and the error list hold a job's latest ``entryLimit`` entries: the seed's timeline grew
/// without bound inside one JSONB value, rewritten on every update; the whole history the store keeps is in
/// `lineage_job_events`, and `process_jobs.error_count` counts every error.
enum MirrorDerivations {
    /// How many of a job's latest events its timeline and its error list show.
    static let entryLimit = 100

    /// The condition that selects error events; the partial index `lineage_job_events_errors` has the same.
    static let isError = "event = 'error'"

    /// The latest ``entryLimit`` events of job `job` of store `store` (SQL expressions) that satisfy `condition`
    /// (on `e`), oldest first.
    private static func events(_ schema: String, store: String, job: String, _ condition: String) -> String {
        "(SELECT jsonb_agg(latest.timeline_entry ORDER BY latest.sequence) FROM (SELECT e.timeline_entry, e.sequence "
            + "FROM \(schema).lineage_job_events e WHERE e.store_id = \(store) AND e.job_id = \(job)\(condition) "
            + "ORDER BY e.sequence DESC LIMIT \(entryLimit)) latest)"
    }

    /// `progress` (JSONB) with job `job`'s timeline.
    private static func progress(_ progress: String, _ schema: String, store: String, job: String) -> String {
        "jsonb_set(coalesce(\(progress), '{}'::jsonb), '{timeline}', "
            + "coalesce(\(events(schema, store: store, job: job, "")), '[]'::jsonb))"
    }

    /// Job `job`'s error events, or `NULL` when it has none.
    private static func errors(_ schema: String, store: String, job: String) -> String {
        events(schema, store: store, job: job, " AND e.\(isError)")
    }

    /// The expression inserting column `column` of table `table` when PostgreSQL derives it, given the store's
    /// id as `$1`, `value` reading the column's own value and `read` the text of another column of the row.
    static func inserting(
        table: String, column: String, value: String, schema: String, read: (String) -> String
    ) -> String? {
        switch (table, column) {
        case ("job", "progress"): progress(value, schema, store: "$1", job: read("id"))
        case ("process_jobs", "errors"): errors(schema, store: "$1", job: read("id"))
        default: nil
        }
    }

    /// The rows of the jobs `$2` names.
    private static let selectedJobs = "j.store_id = $1 AND j.id IN (SELECT jsonb_array_elements_text($2::jsonb))"

    /// Sets the `timeline` of the selected jobs' progress.
    static func timeline(schema: String) -> String {
        "UPDATE \(schema).job j SET progress = \(progress("j.progress", schema, store: "j.store_id", job: "j.id")) "
            + "WHERE \(selectedJobs)"
    }

    /// Sets the `errors` of the selected process jobs.
    static func errors(schema: String) -> String {
        "UPDATE \(schema).process_jobs j SET errors = \(errors(schema, store: "j.store_id", job: "j.id")) "
            + "WHERE \(selectedJobs)"
    }

    /// Sets `is_crawling` where it is not what the lease says now, and nowhere else (a run with nothing new
    /// rewrites no row, except the schedules whose lease ran out since).
    static func crawling(schema: String) -> String {
        let held = "(s.lease_owner IS NOT NULL AND s.lease_expires_at > now())"
        return "UPDATE \(schema).user_crawl_schedule s SET is_crawling = \(held) "
            + "WHERE s.store_id = $1 AND s.is_crawling IS DISTINCT FROM \(held)"
    }
}
