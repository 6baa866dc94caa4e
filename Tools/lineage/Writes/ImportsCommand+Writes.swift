import ArgumentParser
import Foundation
import LineageServer

extension ImportsCommand {
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Start an import; prints its record as JSON.",
            discussion:
                #"The body of POST /api/imports in seed 002's names: '{"table_name": "customers", "file_name": …}'."#)
        @OptionGroup var request: JSONRequest

        func run() throws { try request.perform(StartImport.self) }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "complete", abstract: "Finish an import with its counts and timings.",
            discussion:
                #"The body of POST /api/imports/{id}/complete: '{"status": "success", "rows_inserted": 1000, …}'."#)
        @Argument(help: "The import id.") var id: String
        @OptionGroup var request: JSONRequest

        func run() throws { try request.perform(CompleteImport.self) { $0.id = id } }
    }

    struct Rows: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rows", abstract: "Record the keys of rows an import wrote (one per line on standard input).")
        @OptionGroup var location: StoreLocation
        @Argument(help: "The import id.") var id: String
        @Option(help: "The table, when not the import's own.") var table: String?
        @Argument(help: "Row keys (none: read one per line from standard input).") var keys: [String] = []

        func run() throws {
            var rowKeys = keys
            if rowKeys.isEmpty {
                let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                rowKeys = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            }
            try perform(RecordImportRows(id: id, tableName: table, rowKeys: rowKeys), at: location)
        }
    }
}
