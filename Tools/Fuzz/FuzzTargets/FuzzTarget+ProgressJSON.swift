import LineageFormat
import LineageStore

extension FuzzTarget {
    /// The JSON scanner and the progress payload parser of `ingest`. A document the scanner accepts compacts
    /// to a document it accepts again, unchanged by a second compaction.
    public static let progressJSON = FuzzTarget(name: "fuzz-progress-json") { bytes in
        _ = try? ProgressUpdate.parse(json: bytes)
        guard let compact = compacted(bytes) else { return }
        precondition(compacted(Array(compact.utf8)) == compact, "compaction is not idempotent")
    }

    /// The one JSON value `bytes` holds, without whitespace outside strings; `nil` if it is not one value.
    private static func compacted(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            guard let compact = try? scanner.compactValue(), (try? scanner.end()) != nil else { return nil }
            return compact
        }
    }
}
