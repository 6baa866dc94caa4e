import ArgumentParser
import Foundation
import LineageServer

extension PagesCommand {
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record the pages a job observed, with its counters, in one transaction; prints each change.",
            discussion: #"""
                One observation per line: {"website_id": "w", "url": "https://…", "status": "active", \
                "content_hash": "<32 hex>", "firecrawl_batch_id": "fc-1", "error": ""} (status, hash, batch and \
                error optional). All of them are recorded, or none.
                """#)
        @OptionGroup var location: StoreLocation
        @Argument(help: "The job that observed them.") var job: String
        @Argument(help: "The JSON-lines file (- or absent: standard input).") var file: String = "-"

        func run() throws {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw fail(error) }
            }
            var pages: [RecordPages.Page] = []
            for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .enumerated() where line.contains(where: { $0 != 0x20 && $0 != 0x0D })
            {
                do { pages.append(try JSONDecoder().decode(RecordPages.Page.self, from: Data(line))) } catch {
                    throw ValidationError("line \(index + 1) of \(file) is not a page observation: \(error)")
                }
            }
            try perform(RecordPages(jobID: job, pages: pages), at: location)
        }
    }
}
