import ArgumentParser
import Foundation
import LineageMirror
import LineageStore

/// `lineage mirror`: the store's records into PostgreSQL, in the seeds' own tables, exactly once.
struct MirrorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mirror",
        abstract: "Mirror the database into PostgreSQL in the seeds' schema, exactly once (--follow: continuously).",
        discussion: """
            Creates the seeds' tables (process_jobs, pages, user_crawl_schedule, import_history, job, documents, \
            document_processing_stages, stage_output_files, processing_workflows, stage_dependencies) and lineage_… \
            tables for the rest, then applies the change feed, each chunk in one PostgreSQL transaction that also \
            stores the position in lineage_mirror_position. Every row carries the store's store_id.

            The mirror registers a change consumer in the store (named after the database and schema, or \
            --consumer) and moves it after each commit in PostgreSQL, so retention keeps every change it has \
            not applied; remove it with `lineage changes remove` when the mirror is retired. --no-consumer \
            opens the store read-only and registers nothing (a feed pruned past the mirror is then copied whole).
            """)

    @OptionGroup var location: StoreLocation
    @Argument(help: "postgres://user[:password]@host[:port]/database[?sslmode=…]") var url: String
    @Option(help: "The PostgreSQL schema of the tables.") var schema = "public"
    @Flag(help: "Keep applying new changes until interrupted.") var follow = false
    @Option(help: "How many changes one PostgreSQL transaction applies.") var chunk = 1_000
    @Option(help: "The change consumer that keeps the mirror's changes in the store (default: named after the URL).")
    var consumer: String?
    @Flag(help: "Register no change consumer; open the store read-only.") var noConsumer = false
    @Option(help: "text or json.") var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() async throws {
        let target: MirrorTarget
        do { target = try MirrorTarget(url: url, schema: schema) } catch { throw ValidationError("\(error)") }
        guard chunk > 0 else { throw ValidationError("--chunk must be at least 1") }
        if noConsumer && consumer != nil { throw ValidationError("--consumer and --no-consumer exclude each other") }
        let store: LineageStore
        // A missing file is opened read-only, so that it is reported rather than created.
        let writable = !noConsumer && FileManager.default.fileExists(atPath: location.path)
        do { store = try location.open(writable: writable) } catch { throw fail(error) }
        defer { store.close() }
        let name = noConsumer ? nil : consumer ?? PostgresMirror.consumerName(for: target)
        let report: MirrorReport
        do {
            report = try await PostgresMirror(store: store, target: target, chunk: chunk, consumer: name).run(
                follow: follow)
        } catch {
            throw fail(error)
        }
        print(format == .json ? try encodedJSON(report) : report.text)
    }
}
