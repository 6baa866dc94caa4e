import Foundation
import LineageFormat
import TestSupport

@testable import LineageMirror

/// Compares what a mirror holds for one store with what `lineage export` says the store holds: every table's
/// rows, column by column (as a multiset, so a duplicated or missing row shows), and the columns PostgreSQL
/// derives (timelines, error lists, `is_crawling`).
struct MirrorComparison {
    let bench: MirrorBench
    /// The exported records by kind name.
    let exported: [String: [JSONObject]]
    let storeID: String

    /// Reads the store at `db` through `lineage export` and `lineage stats`.
    init(_ bench: MirrorBench, db: String) throws {
        self.bench = bench
        storeID = try bench.storeID(db)
        var exported: [String: [JSONObject]] = [:]
        for line in try bench.lineage(["export"], db: db).stdout.split(separator: "\n") {
            guard case .object(var object) = try JSONScanner.value(Array(line.utf8)),
                case .string(let kind)? = object["kind"]
            else { continue }
            object["kind"] = nil
            exported[kind, default: []].append(object)
        }
        self.exported = exported
    }

    /// The columns PostgreSQL fills after the rows are written, compared on their own.
    static let derived: Set<String> = ["errors", "is_crawling"]

    /// Every way the mirror differs from the export, one message each (none when they agree).
    func differences() throws -> [String] {
        var differences: [String] = []
        for type in MirrorSchema.kinds {
            let shown = Set(MirrorSchema.tables(of: type.kind).flatMap { $0.columns.compactMap(\.field) })
            for field in Set((exported[type.kind.name] ?? []).flatMap { $0.map(\.key) }) where !shown.contains(field) {
                differences.append("no table of \(type.kind.name) shows its field \(field)")
            }
        }
        for table in MirrorSchema.tables {
            let expected = (exported[table.kind.name] ?? []).flatMap { table.rows($0) }.map { row in
                zip(table.columns, row).map { column, value in
                    Self.derived.contains(column.name) ? nil : Self.canonical(column.type.text(value), column.type)
                }
            }
            let actual = try bench.cluster.rows(
                "SELECT " + table.columns.map(Self.select).joined(separator: ", ")
                    + " FROM \(bench.schema).\(table.name) WHERE store_id = '\(storeID)'"
            ).map { row in
                zip(table.columns, row).map { column, value in
                    Self.derived.contains(column.name) ? nil : Self.canonical(value, column.type)
                }
            }
            var unmatched = Dictionary(actual.map { (Self.line($0), 1) }, uniquingKeysWith: +)
            let missing = expected.filter { row in
                guard let left = unmatched[Self.line(row)], left > 0 else { return true }
                unmatched[Self.line(row)] = left - 1
                return false
            }
            let extra = unmatched.filter { $0.value > 0 }.keys
            if actual.count != expected.count || !missing.isEmpty {
                differences.append(
                    "\(table.name): \(actual.count) rows for \(expected.count); lacks \(missing.prefix(2)), "
                        + "has instead \(extra.prefix(2))")
            }
        }
        return differences + (try derivedDifferences())
    }

    /// Where the timelines, error lists and crawling flags PostgreSQL derived differ from the exported events
    /// and leases.
    func derivedDifferences() throws -> [String] {
        var differences: [String] = []
        var events: [String: (all: Int, errors: Int, last: String)] = [:]
        for event in exported["event"] ?? [] {
            guard case .string(let job)? = event["job_id"] else { continue }
            events[job, default: (0, 0, "")].all += 1
            if event["event"] == .string("error") { events[job, default: (0, 0, "")].errors += 1 }
            events[job]?.last = event["sequence"]?.jsonText() ?? ""
        }
        let timelines = try bench.cluster.rows(
            "SELECT id, jsonb_array_length(progress->'timeline'), progress->'timeline'->-1->>'sequence' "
                + "FROM \(bench.schema).job WHERE store_id = '\(storeID)'")
        let limit = MirrorDerivations.entryLimit
        for row in timelines {
            let expected = events[row[0] ?? ""] ?? (0, 0, "")
            if Int(row[1] ?? "") != min(limit, expected.all) || (row[2] ?? "") != expected.last {
                differences.append(
                    "the timeline of job \(row[0] ?? "") has \(row[1] ?? "no") entries up to \(row[2] ?? "none")")
            }
        }
        let errors = try bench.cluster.rows(
            "SELECT id, jsonb_array_length(errors) FROM \(bench.schema).process_jobs WHERE store_id = '\(storeID)'")
        for row in errors {
            let count = min(limit, events[row[0] ?? ""]?.errors ?? 0)
            if row[1] != (count == 0 ? nil : String(count)) {
                differences.append("job \(row[0] ?? "") lists \(row[1] ?? "no") errors for \(count)")
            }
        }
        let now = Date().timeIntervalSince1970 * 1_000_000
        let crawling = try bench.cluster.rows(
            "SELECT user_id, is_crawling FROM \(bench.schema).user_crawl_schedule WHERE store_id = '\(storeID)'")
        let leases = Dictionary(
            (exported["schedule"] ?? []).map { schedule -> (String, Bool) in
                guard case .string(let user)? = schedule["user_id"] else { return ("", false) }
                guard case .string(let owner)? = schedule["lease_owner"], !owner.isEmpty,
                    case .string(let expiry)? = schedule["lease_expires_at"], let expires = Timestamp.parse(expiry)
                else { return (user, false) }
                return (user, Double(expires) > now)
            }, uniquingKeysWith: { $1 })
        if crawling.count != leases.count { differences.append("\(crawling.count) schedules for \(leases.count)") }
        for row in crawling where (row[1] == "t") != leases[row[0] ?? ""] {
            differences.append("is_crawling of \(row[0] ?? "") is \(row[1] ?? "NULL")")
        }
        return differences
    }

    /// How a column is read back: times in UTC with microseconds, arrays and the progress (less the timeline
    /// PostgreSQL adds) as JSON, the rest as PostgreSQL's text.
    static func select(_ column: MirrorTable.Column) -> String {
        let name = "\"\(column.name)\""
        switch column.type {
        case .timestamptz: return "to_char(\(name) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
        case .timestamp: return "to_char(\(name), 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
        case .textArray: return "to_jsonb(\(name))::text"
        case .jsonb where column.name == "progress": return "(\(name) - 'timeline')::text"
        default: return "\(name)::text"
        }
    }

    /// One value in a form both sides agree on: times as microseconds, numbers as numbers (seconds to the
    /// millisecond), JSON re-serialized with sorted keys.
    static func canonical(_ text: String?, _ type: SQLType) -> String? {
        guard let text else { return nil }
        switch type {
        case .timestamp, .timestamptz: return Timestamp.parse(text).map(String.init) ?? "bad time \(text)"
        case .seconds: return Double(text).map { String(format: "%.3f", $0) }
        case .double: return Double(text).map { String($0) }
        case .jsonb, .textArray:
            guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed),
                let data = try? JSONSerialization.data(
                    withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
            else { return "bad JSON \(text)" }
            return String(decoding: data, as: UTF8.self)
        default: return text
        }
    }

    /// A row as one line, NULL told apart from any text.
    static func line(_ row: [String?]) -> String {
        row.map { $0.map { "=" + $0 } ?? "NULL" }.joined(separator: "\u{1F}")
    }
}
