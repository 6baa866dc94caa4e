import ArgumentParser
import Foundation
import LineageFormat
import LineageStore

/// `lineage imports`: file-import history, lineage, rollback and retention.
struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports", abstract: "Inspect file imports; roll back or purge them.",
        subcommands: [
            List.self, Show.self, Row.self, Stats.self, Lineage.self, Duplicates.self, Rollback.self, Purge.self,
            Start.self, Complete.self, Rows.self,
        ])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Imports, newest first, with filters and the total.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Option(help: "Only imports into this table.") var table: String?
        @Option(help: "Only imports by this user.") var user: String?
        @Option(help: "Only this status.") var status: ImportStatus?
        @Option(help: "Only imports started since (RFC 3339, or an age like 7d).") var since: String?
        @Option(help: "Only imports of the file with this SHA-256 (hex).") var fileHash: String?
        @Option(help: "Only imports that took at least this long (e.g. 90s, 5m).") var minDuration: String?
        @Option(help: "Imports per page.") var limit = 50
        @Option(help: "Imports to skip.") var offset = 0

        func run() throws {
            let slowest = try minDuration.map { Double(try parseSpan($0)) / Double(Timestamp.second) }
            try inspect(location) { store in
                let now = store.clock.now()
                let filter = ImportFilter(
                    tableName: table, userID: user, status: status,
                    since: try since.map { try parseTime($0, now: now) }, fileHash: fileHash?.lowercased(),
                    minDurationSeconds: slowest)
                let listing = try store.imports(filter, limit: limit, offset: offset)
                switch output.format {
                case .table:
                    print(TextTable.imports(listing.imports, now: now).render(), terminator: "")
                    print("\(listing.imports.count) of \(listing.total) imports (offset \(offset))")
                case .json: print(try encodedJSON(listing, pretty: true))
                case .jsonl: for record in listing.imports { print(try encodedJSON(record)) }
                }
            }
        }
    }

    struct Row: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "row", abstract: "The imports that wrote one row of a table, oldest first.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The table.") var table: String
        @Argument(help: "The row's key.") var key: String

        func run() throws {
            try inspect(location) { store in
                let imports = try store.imports(ofTable: table, row: key)
                guard !imports.isEmpty else {
                    throw StoreError(.notFound, "no import wrote row \(key) of \(table) in \(store.path)")
                }
                try output.output.print(imports, table: TextTable.imports(imports, now: store.clock.now()))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One import, every field.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The import id.") var id: String

        func run() throws {
            try inspect(location) { store in
                guard let record = try store.importRecord(id) else {
                    throw StoreError(.notFound, "no import \(id) in \(store.path)")
                }
                try output.output.printOne(
                    record, table: describe(record))
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", abstract: "Import statistics over the last N days.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Option(help: "The period in days.") var days = 30
        @Option(help: "Only this table.") var table: String?
        @Option(help: "Only this user.") var user: String?

        func run() throws {
            try inspect(location) { store in
                let statistics = try store.importStatistics(days: days, tableName: table, userID: user)
                try output.output.printOne(statistics, table: statistics.text)
            }
        }
    }

    struct Lineage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lineage",
            abstract: "The imports that fed a table and the rows they contributed.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Argument(help: "The table.") var table: String

        func run() throws {
            try inspect(location) { store in
                let lineage = try store.tableLineage(table)
                try output.output.printOne(
                    lineage,
                    table: "\(table): \(lineage.rowsContributed) rows from \(lineage.imports.count) imports\n\n"
                        + TextTable.imports(lineage.imports, now: store.clock.now()).render())
            }
        }
    }

    struct Duplicates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "duplicates", abstract: "Files imported more than once (same SHA-256).")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption

        func run() throws {
            try inspect(location) { store in
                let groups = try store.duplicateImports()
                var table = TextTable("SHA-256", "IMPORTS", "FILES", "TABLES", numeric: [1])
                for group in groups {
                    table.add(
                        String(group.fileHash.prefix(16)) + "…", String(group.imports.count),
                        Set(group.imports.map(\.fileName)).sorted().joined(separator: ", "),
                        Set(group.imports.map(\.tableName)).sorted().joined(separator: ", "))
                }
                try output.output.print(groups, table: table)
            }
        }
    }

    struct Rollback: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rollback",
            abstract:
                "Mark an import rolled back and print exactly the rows to delete (JSON lines: table_name, row_key).")
        @OptionGroup var location: StoreLocation
        @Argument(help: "The import id.") var id: String
        @Flag(help: "Print the rows without changing anything.") var dryRun = false

        func run() throws {
            try (dryRun ? inspect : mutate)(location) { store in
                let rollback = try store.rollbackImport(id, dryRun: dryRun)
                for row in rollback.deletions { print(try encodedJSON(row)) }
                FileHandle.standardError.write(
                    Data(
                        "\(dryRun ? "would roll back" : "rolled back") import \(id): \(rollback.rows.count) rows\n".utf8
                    ))
            }
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge",
            abstract: "Delete finished imports older than N days, in bounded batches.")
        @OptionGroup var location: StoreLocation
        @OptionGroup var output: FormatOption
        @Option(help: "Purge imports started more than this many days ago.") var olderThan: Int
        @Flag(help: "Report what would go without deleting.") var dryRun = false

        func run() throws {
            try (dryRun ? inspect : mutate)(location) { store in
                let report = try store.purgeImports(olderThanDays: olderThan, dryRun: dryRun)
                try output.output.printOne(
                    report,
                    table: "\(dryRun ? "would purge" : "purged") \(report.importIDs.count) imports started before "
                        + "\(Human.time(report.cutoff)) and \(report.rowsRemoved) row records"
                        + (dryRun ? "\n" : " in \(report.batches) batches\n"))
            }
        }
    }
}
