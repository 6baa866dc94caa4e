/// The columns PostgreSQL derives from rows already mirrored, in the transaction that wrote them: a job's
/// `timeline` in `job.progress` and its `errors` in `process_jobs` from its rows of `lineage_job_events`, and
/// `user_crawl_schedule.is_crawling` from the lease and PostgreSQL's clock. Each statement takes the store's id
/// as `$1`; the job statements take, as `$2`, a JSON array of the job ids to refresh (`NULL`: all of them).
///
/// The timeline and the error list hold a job's latest ``entryLimit`` entries: the seed's timeline grew
/// without bound inside one JSONB value, rewritten on every update; the whole history the store keeps is in
/// `lineage_job_events`, and `process_jobs.error_count` counts every error.
enum MirrorDerivations {
    /// How many of a job's latest events its timeline and its error list show.
    static let entryLimit = 100

    /// The latest ``entryLimit`` events of the job in row `j` that satisfy `condition`, oldest first.
    private static func events(_ schema: String, _ condition: String) -> String {
        "(SELECT jsonb_agg(latest.timeline_entry ORDER BY latest.sequence) FROM (SELECT e.timeline_entry, e.sequence "
            + "FROM \(schema).lineage_job_events e WHERE e.store_id = j.store_id AND e.job_id = j.id\(condition) "
            + "ORDER BY e.sequence DESC LIMIT \(entryLimit)) latest)"
    }

    /// The rows of the jobs `$2` names (every job of the store when it is `NULL`).
    private static let selectedJobs =
        "j.store_id = $1 AND ($2::jsonb IS NULL OR j.id IN (SELECT jsonb_array_elements_text($2::jsonb)))"

    /// Sets the `timeline` of the selected jobs' progress.
    static func timeline(schema: String) -> String {
        "UPDATE \(schema).job j SET progress = jsonb_set(coalesce(j.progress, '{}'::jsonb), '{timeline}', "
            + "coalesce(\(events(schema, "")), '[]'::jsonb)) WHERE \(selectedJobs)"
    }

    /// Sets the `errors` of the selected process jobs: their error events, or `NULL` when they have none.
    static func errors(schema: String) -> String {
        "UPDATE \(schema).process_jobs j SET errors = \(events(schema, " AND e.event = 'error'")) WHERE \(selectedJobs)"
    }

    /// Sets `is_crawling` where it is not what the lease says now, and nowhere else (a run with nothing new
    /// rewrites no row, except the schedules whose lease ran out since).
    static func crawling(schema: String) -> String {
        let held = "(s.lease_owner IS NOT NULL AND s.lease_expires_at > now())"
        return "UPDATE \(schema).user_crawl_schedule s SET is_crawling = \(held) "
            + "WHERE s.store_id = $1 AND s.is_crawling IS DISTINCT FROM \(held)"
    }
}
