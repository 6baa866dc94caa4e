/*
 * The end-to-end SQLite peer of `lineage ingest`: reads crawler progress JSON lines and lets SQLite parse the
 * JSON itself, as a team on SQLite would. WAL with synchronous=FULL (each commit durable, as LineageStore's
 * are), 1,000 lines per transaction: a (job, reporter, seq) dedupe table, the job's progress as one JSON
 * document (processedItems the largest, itemsByType summed, the other fields last-writer), and the timeline
 * events appended.
 *
 * Usage: sqlite_ingest FILE.jsonl DB    (prints the lines applied)
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sqlite3 *db;

static void check(int code, const char *what) {
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

static sqlite3_stmt *prepare(const char *sql) {
    sqlite3_stmt *statement;
    check(sqlite3_prepare_v2(db, sql, -1, &statement, NULL), sql);
    return statement;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: sqlite_ingest FILE.jsonl DB\n");
        return 64;
    }
    FILE *input = fopen(argv[1], "r");
    if (!input) { perror(argv[1]); return 1; }
    check(sqlite3_open(argv[2], &db), "open");
    check(sqlite3_exec(db,
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
        "CREATE TABLE IF NOT EXISTS seen (job TEXT, reporter TEXT, seq INTEGER, PRIMARY KEY (job, reporter, seq))"
        " WITHOUT ROWID;"
        "CREATE TABLE IF NOT EXISTS job (id TEXT PRIMARY KEY, progress TEXT NOT NULL);"
        "CREATE TABLE IF NOT EXISTS timeline (job TEXT, event TEXT, at TEXT, details TEXT);",
        NULL, NULL, NULL), "schema");
    sqlite3_stmt *dedupe = prepare(
        "INSERT OR IGNORE INTO seen VALUES (json_extract(?1, '$.jobId'), json_extract(?1, '$.reporter'),"
        " json_extract(?1, '$.seq'))");
    sqlite3_stmt *merge = prepare(
        "INSERT INTO job (id, progress) VALUES (json_extract(?1, '$.jobId'),"
        "  json_remove(json_set(?1, '$.itemsByType', json(coalesce(json_extract(?1, '$.itemsByType'), '{}'))),"
        "   '$.timeline', '$.jobId', '$.reporter', '$.seq'))"
        " ON CONFLICT (id) DO UPDATE SET progress = json_set(progress,"
        "  '$.processedItems', max(coalesce(json_extract(progress, '$.processedItems'), 0),"
        "                          coalesce(json_extract(?1, '$.processedItems'), 0)),"
        "  '$.totalItems', coalesce(json_extract(?1, '$.totalItems'), json_extract(progress, '$.totalItems')),"
        "  '$.currentDataType', coalesce(json_extract(?1, '$.currentDataType'), json_extract(progress, '$.currentDataType')),"
        "  '$.lastProcessedId', coalesce(json_extract(?1, '$.lastProcessedId'), json_extract(progress, '$.lastProcessedId')),"
        "  '$.stage', coalesce(json_extract(?1, '$.stage'), json_extract(progress, '$.stage')),"
        "  '$.status', coalesce(json_extract(?1, '$.status'), json_extract(progress, '$.status')),"
        "  '$.itemsByType', (SELECT json_group_object(key, total) FROM (SELECT key, sum(value) AS total FROM ("
        "     SELECT key, value FROM json_each(progress, '$.itemsByType')"
        "     UNION ALL SELECT key, value FROM json_each(?1, '$.itemsByType')) GROUP BY key)))");
    sqlite3_stmt *events = prepare(
        "INSERT INTO timeline SELECT json_extract(?1, '$.jobId'), json_extract(value, '$.event'),"
        " json_extract(value, '$.timestamp'), json_extract(value, '$.details') FROM json_each(?1, '$.timeline')");
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    long applied = 0, inBatch = 0;
    check(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), "begin");
    while ((length = getline(&line, &capacity, input)) > 0) {
        if (line[length - 1] == '\n') line[--length] = 0;
        if (length == 0) continue;
        sqlite3_bind_text(dedupe, 1, line, (int)length, SQLITE_STATIC);
        check(sqlite3_step(dedupe), "dedupe");
        sqlite3_reset(dedupe);
        if (sqlite3_changes(db) == 1) {
            sqlite3_bind_text(merge, 1, line, (int)length, SQLITE_STATIC);
            check(sqlite3_step(merge), "merge");
            sqlite3_reset(merge);
            sqlite3_bind_text(events, 1, line, (int)length, SQLITE_STATIC);
            check(sqlite3_step(events), "events");
            sqlite3_reset(events);
            applied++;
        }
        if (++inBatch == 1000) {
            check(sqlite3_exec(db, "COMMIT; BEGIN", NULL, NULL, NULL), "commit");
            inBatch = 0;
        }
    }
    check(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), "commit");
    sqlite3_finalize(dedupe);
    sqlite3_finalize(merge);
    sqlite3_finalize(events);
    check(sqlite3_close(db), "close");
    printf("%ld\n", applied);
    return 0;
}
