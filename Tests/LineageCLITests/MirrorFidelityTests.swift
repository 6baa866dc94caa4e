import Foundation
import LineageFormat
import TestSupport
import Testing

@testable import LineageMirror

/// After `lineage demo`, every mirrored table holds exactly the rows the exported records make, column by
/// column, and what PostgreSQL derives (timelines, error lists, `is_crawling`) agrees with the export.
@Suite(.enabled(if: PostgresCluster.isAvailable, "needs a PostgreSQL server (make test installs one)"))
struct MirrorFidelityTests {
    let bench: MirrorBench

    init() throws { bench = try MirrorBench() }

    /// The columns PostgreSQL fills after the rows are written, checked on their own.
    static let derived: Set<String> = ["errors", "is_crawling"]

    @Test func afterTheDemoEveryTableHoldsExactlyTheExportedRecords() throws {
        let db = bench.directory.path("demo.db")
        #expect(try bench.lineage(["demo"], db: db).status == 0)
        let report = try bench.mirror(db)
        let storeID = try bench.storeID(db)
        var exported: [String: [JSONObject]] = [:]
        for line in try bench.lineage(["export"], db: db).stdout.split(separator: "\n") {
            guard case .object(var object) = try JSONScanner.value(Array(line.utf8)),
                case .string(let kind)? = object["kind"]
            else { continue }
            object["kind"] = nil
            exported[kind, default: []].append(object)
        }
        #expect(report["applied"] as? Int ?? 0 > 0)
        for type in MirrorSchema.kinds {
            let shown = Set(MirrorSchema.tables(of: type.kind).flatMap { $0.columns.compactMap(\.field) })
            for field in Set((exported[type.kind.name] ?? []).flatMap { $0.map(\.key) }) where !shown.contains(field) {
                Issue.record("no table of \(type.kind.name) shows its field \(field)")
            }
        }
        for table in MirrorSchema.tables {
            let records = exported[table.kind.name] ?? []
            let expected = records.flatMap { table.rows($0) }.map { row in
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
            #expect(actual.count == expected.count, "\(table.name): \(actual.count) rows for \(expected.count)")
            var unmatched = Dictionary(actual.map { (Self.line($0), 1) }, uniquingKeysWith: +)
            let missing = expected.filter { row in
                guard let left = unmatched[Self.line(row)], left > 0 else { return true }
                unmatched[Self.line(row)] = left - 1
                return false
            }
            #expect(
                missing.isEmpty,
                "\(table.name) lacks \(missing.prefix(2)) of \(expected.count) rows; it has \(unmatched.filter { $0.value > 0 }.keys.prefix(2))"
            )
        }
        try derivedColumnsAgree(exported, storeID)
        #expect(try bench.mirror(db)["applied"] as? Int == 0, "a second run applies nothing")
    }

    /// The timelines, error lists and crawling flags PostgreSQL derived match the exported events and leases.
    func derivedColumnsAgree(_ exported: [String: [JSONObject]], _ storeID: String) throws {
        var events: [String: (all: Int, errors: Int)] = [:]
        for event in exported["event"] ?? [] {
            guard case .string(let job)? = event["job_id"] else { continue }
            events[job, default: (0, 0)].all += 1
            if event["event"] == .string("error") { events[job, default: (0, 0)].errors += 1 }
        }
        let timelines = try bench.cluster.rows(
            "SELECT id, jsonb_array_length(progress->'timeline') FROM \(bench.schema).job WHERE store_id = '\(storeID)'"
        )
        #expect(!timelines.isEmpty)
        for row in timelines {
            #expect(Int(row[1] ?? "") == events[row[0] ?? ""]?.all ?? 0, "the timeline of job \(row[0] ?? "")")
        }
        let errors = try bench.cluster.rows(
            "SELECT id, jsonb_array_length(errors) FROM \(bench.schema).process_jobs WHERE store_id = '\(storeID)'")
        for row in errors {
            let count = events[row[0] ?? ""]?.errors ?? 0
            #expect(row[1] == (count == 0 ? nil : String(count)), "the errors of job \(row[0] ?? "")")
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
        #expect(crawling.count == leases.count)
        for row in crawling { #expect((row[1] == "t") == leases[row[0] ?? ""], "is_crawling of \(row[0] ?? "")") }
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
