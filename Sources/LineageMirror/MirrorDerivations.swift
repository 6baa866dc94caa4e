/// The columns PostgreSQL derives from rows already mirrored, in the transaction that wrote them: a job's
/// `timeline` in `job.progress` and its `errors` in `process_jobs` from its rows of `lineage_job_events`, and
/// `user_crawl_schedule.is_crawling` from the lease and PostgreSQL's clock. Each statement takes the store's id
/// as `$1`; the job statements take, as `$2`, a JSON array of the job ids to refresh (`NULL`: all of them).
enum MirrorDerivations {
    /// A `lineage_job_events` row `e` as a timeline entry: the seed's `timestamp`, `event` and `details`, then
    /// what the store knows beyond them.
    private static let entry = """
        jsonb_strip_nulls(jsonb_build_object('timestamp', \
        to_char(e."timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'event', e.event, \
        'message', e.message, 'url', e.url, 'reporter', e.reporter, 'seq', e.reporter_seq, 'sequence', e.sequence)) \
        || CASE WHEN e.details IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('details', e.details) END
        """

    /// The events of the job in row `j`, oldest first, that satisfy `condition`.
    private static func events(_ schema: String, _ condition: String) -> String {
        "(SELECT jsonb_agg(\(entry) ORDER BY e.sequence) FROM \(schema).lineage_job_events e "
            + "WHERE e.store_id = j.store_id AND e.job_id = j.id\(condition))"
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
