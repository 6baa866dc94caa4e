import Foundation
import TestSupport
import Testing

/// `lineage serve` as an operator runs it: tokens, its own description, concurrent writers, and SIGTERM.
@Suite struct ServerOperationTests {
    @Test func everyRequestWithoutAnAcceptedTokenIsRefused() async throws {
        let directory = try TemporaryDirectory()
        let server = try ServerProcess(database: directory.path("auth.db"), in: directory)
        for token in [nil, "wrong-token"] {
            for (method, path) in [
                ("GET", "/api/jobs"), ("POST", "/api/jobs"), ("POST", "/api/internal/jobs/progress"),
            ] {
                let reply = try await server.request(
                    method, path, json: method == "POST" ? [:] as [String: Any] : nil, token: token)
                #expect(
                    reply.status == 401 && reply.errorCode == "unauthorized",
                    "\(method) \(path), token \(token ?? "none")")
                #expect(reply.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
            }
        }
        let health = try await server.request("GET", "/healthz", token: nil)
        #expect(health.status == 200)
    }

    @Test func openReadsAnswerReadsButNeverWrites() async throws {
        let directory = try TemporaryDirectory()
        let server = try ServerProcess(database: directory.path("open.db"), in: directory, arguments: ["--open-reads"])
        #expect(try await server.request("GET", "/api/jobs", token: nil).status == 200)
        let write = try await server.request(
            "POST", "/api/jobs", json: ["website_id": "w", "process_type": "sync"], token: nil)
        #expect(write.status == 401)
    }

    @Test func aServerThatWouldExposeTheStoreRefusesToStart() throws {
        let directory = try TemporaryDirectory()
        let database = directory.path("exposed.db")
        let bare = try LineageBinary.run(["serve", "--db", database, "--host", "0.0.0.0", "--port", "0"])
        #expect(bare.status == 64 && bare.stderr.contains("without a token file"))
        let tokens = try directory.write("tokens", Array("\(String(repeating: "ab", count: 32)) ops\n".utf8))
        let openReads = try LineageBinary.run([
            "serve", "--db", database, "--host", "0.0.0.0", "--port", "0", "--token-file", tokens, "--open-reads",
        ])
        #expect(openReads.status == 64 && openReads.stderr.contains("loopback"))
        let badTokens = try directory.write("bad-tokens", Array("not-a-digest\n".utf8))
        let refused = try LineageBinary.run(["serve", "--db", database, "--port", "0", "--token-file", badTokens])
        #expect(refused.status == 1 && refused.stderr.contains("bad-tokens:1"))
    }

    @Test func metricsCountCommittedUpdatesByOutcomeAndReadTheMap() async throws {
        let directory = try TemporaryDirectory()
        let server = try ServerProcess(database: directory.path("metrics.db"), in: directory)
        for seq in [1, 2, 2, 3] {
            let update: [String: Any] = ["jobId": "j", "reporter": "r", "seq": seq, "processedItems": seq]
            #expect(try await server.request("POST", "/api/internal/jobs/progress", json: update).status == 200)
        }
        #expect(try await server.request("GET", "/metrics", token: nil).status == 401)
        let reply = try await server.request("GET", "/metrics")
        #expect(reply.status == 200 && reply.headers["content-type"]?.hasPrefix("text/plain") == true)
        let text = String(decoding: reply.body, as: UTF8.self)
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Double(parts[1]) { samples[String(parts[0])] = value }
        }
        #expect(samples[#"lineage_progress_updates_total{outcome="applied"}"#] == 3, "\(text)")
        #expect(samples[#"lineage_progress_updates_total{outcome="duplicate"}"#] == 1)
        #expect(samples["lineage_commit_duration_seconds_count"] ?? 0 >= 4)
        #expect(samples["lineage_commit_updates_sum"] == 4)
        #expect(samples["lineage_map_used_bytes"] ?? 0 > 0)
        #expect((samples["lineage_map_size_bytes"] ?? 0) >= (samples["lineage_map_used_bytes"] ?? .infinity))
        #expect(samples["lineage_readers"] != nil && samples["lineage_writer_queue_depth"] != nil)
    }

    @Test func theServedDescriptionIsValidOpenAPIAndCoversEveryRoute() async throws {
        let directory = try TemporaryDirectory()
        let server = try ServerProcess(database: directory.path("spec.db"), in: directory)
        let reply = try await server.request("GET", "/openapi.json", token: nil)
        #expect(reply.status == 200)
        let spec = try directory.write("openapi.json", Array(reply.body))
        let validation = try runProcess(
            "/usr/bin/env",
            [
                "python3", "-c",
                "import json,sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1])))",
                spec,
            ])
        #expect(validation.status == 0, "\(validation.stderr)")
        let paths = try #require(reply.json["paths"] as? [String: [String: Any]])
        for (template, operations) in paths {
            let path = template.replacing(/\{[a-z_]+\}/, with: "x")
            for method in operations.keys {
                let answer = try await server.request(method.uppercased(), path, body: method == "post" ? Data() : nil)
                #expect(answer.errorCode != "no_route", "\(method) \(template) is documented but not served")
                #expect(answer.status < 500, "\(method) \(template) answered \(answer.status)")
            }
        }
    }

    @Test func concurrentWritersShareCommitsAndSIGTERMLosesNoAnsweredUpdate() async throws {
        let directory = try TemporaryDirectory()
        let database = directory.path("drain.db")
        let server = try ServerProcess(database: database, in: directory)
        let job = try await server.request("POST", "/api/jobs", json: ["website_id": "w", "process_type": "crawl"])
        let jobID = try #require((job.json["job"] as? [String: Any])?["id"] as? String)
        let answered = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    var applied = 0
                    for seq in 1...10_000 {
                        let update: [String: Any] = [
                            "jobId": jobID, "reporter": "writer-\(writer)", "seq": seq, "itemsByType": ["page": 1],
                        ]
                        guard let reply = try? await server.request("POST", "/api/internal/jobs/progress", json: update)
                        else { break }
                        guard reply.status == 200 else { break }
                        if reply.json["outcome"] as? String == "applied" { applied += 1 }
                    }
                    return applied
                }
            }
            group.addTask {
                // A read answered in the middle of the load, then SIGTERM while writers are still sending.
                try await Task.sleep(for: .milliseconds(700))
                let read = try await server.request("GET", "/api/jobs/\(jobID)")
                #expect(read.status == 200)
                let stopped = server.stop()
                #expect(stopped.status == 0, "\(stopped.output)")
                #expect(stopped.output.contains("stopped"))
                return 0
            }
            return try await group.reduce(0, +)
        }
        #expect(answered > 0)
        let shown = try LineageBinary.run(["jobs", "show", jobID, "--db", database, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        let committed = ((object?["progress"] as? [String: Any])?["itemsByType"] as? [String: Int])?["page"] ?? 0
        #expect(committed >= answered, "every update answered 'applied' is in the store")
        let verified = try LineageBinary.run(["verify", "--db", database])
        #expect(verified.status == 0)
    }

    @Test func theDatabaseOptionWorksBeforeTheSubcommand() throws {
        let directory = try TemporaryDirectory()
        let database = directory.path("global.db")
        #expect(try LineageBinary.run(["--db", database, "init"]).status == 0)
        let listed = try LineageBinary.run(["--db", database, "jobs", "list", "--format", "json"])
        #expect(listed.status == 0 && listed.stdout.hasPrefix("["))
        let listedWithEquals = try LineageBinary.run(["--db=\(database)", "jobs", "list", "--format", "json"])
        #expect(listedWithEquals.status == 0)
        let missing = try LineageBinary.run(["--db", directory.path("absent.db"), "jobs", "list"])
        #expect(missing.status == 1 && missing.stderr.contains("absent.db"))
    }
}
