import Foundation
import Testing

/// A record's fields are declared once, in `Formats/lineagestore.proto`: every snake_case field name appears
/// as a whole string literal in at most one hand-written Swift file under `Sources/` and `Tools/` (the record
/// types are generated at build time and are not in the tree). Code that needs a field's name asks the record's field
/// table (``FieldTableRecord/fieldName(_:)``, ``FieldTableRecord/jsonObject(only:)``).
///
/// Not counted: the generator (`Tools/RecordSchema`, whose literals are about the `.proto` itself), the HTTP
/// API's request types (`Sources/LineageServer`: a wire contract of its own, spelled out in its OpenAPI
/// document and held to the records' names by the end-to-end tests), and eight
/// names that other schemas the code must speak also use — the crawler's progress payload (seed 003:
/// `status`, `stage`, `error`, `message`, `event`, `timestamp`, and the `reporter`/`seq` of its identity) and
/// OpenLineage's `message` — where one literal belongs to that schema, not to a record.
@Suite struct FieldNameLiteralTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let generator = "Tools/RecordSchema/"
    static let httpContract = "Sources/LineageServer/"
    /// The mirror spells out the seeds' PostgreSQL columns, a contract of its own like the HTTP API's.
    static let postgresContract = "Sources/LineageMirror/"
    static let otherSchemas: Set = ["error", "event", "message", "reporter", "seq", "stage", "status", "timestamp"]

    /// The snake_case field names of the `.proto`.
    static func fieldNames() throws -> Set<String> {
        let proto = try String(contentsOf: root.appendingPathComponent("Formats/lineagestore.proto"), encoding: .utf8)
        let declaration = /^\s+(?:repeated\s+|optional\s+|map<[^>]*>\s+)?[\w.]+\s+([a-z][a-z0-9_]*)\s*=\s*\d+/
        var names = Set<String>()
        for line in proto.split(separator: "\n") {
            if let match = line.firstMatch(of: declaration) { names.insert(String(match.1)) }
        }
        return names
    }

    /// The contents of every plain single-line string literal without interpolation in `source`; comments,
    /// raw strings and multi-line strings are skipped.
    static func plainLiterals(_ source: String) -> [String] {
        var literals: [String] = []
        let characters = Array(source.unicodeScalars)
        var index = 0
        func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        while index < characters.count {
            let character = characters[index]
            if character == "/", at(1) == "/" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if character == "/", at(1) == "*" {
                index += 2
                while index < characters.count, !(characters[index] == "*" && at(1) == "/") { index += 1 }
                index += 2
            } else if character == "#" || (character == "\"" && at(1) == "\"" && at(2) == "\"") {
                // A raw or multi-line string: skip to its closing delimiter.
                var hashes = 0
                while at(0) == "#" {
                    hashes += 1
                    index += 1
                }
                guard at(0) == "\"" else { continue }
                let multiline = at(1) == "\"" && at(2) == "\""
                let quote = multiline ? "\"\"\"" : "\""
                let closing = Array((quote + String(repeating: "#", count: hashes)).unicodeScalars)
                index += multiline ? 3 : 1
                while index < characters.count,
                    !(0..<closing.count).allSatisfy({ at($0) == closing[$0] })
                {
                    if hashes == 0, characters[index] == "\\" { index += 1 }
                    index += 1
                }
                index += closing.count
            } else if character == "\"" {
                index += 1
                var text = ""
                var plain = true
                while index < characters.count, characters[index] != "\"", characters[index] != "\n" {
                    if characters[index] == "\\" {
                        plain = false
                        index += 1
                    }
                    text.unicodeScalars.append(characters[index])
                    index += 1
                }
                index += 1
                if plain { literals.append(text) }
            } else {
                index += 1
            }
        }
        return literals
    }

    @Test func everyFieldNameIsALiteralInAtMostOneHandWrittenFile() throws {
        let names = try Self.fieldNames()
        #expect(names.count > 100, "the .proto's field names were read")
        var files: [String: Set<String>] = [:]
        for directory in ["Sources", "Tools"] {
            let base = Self.root.appendingPathComponent(directory)
            let paths = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
            for path in paths where path.hasSuffix(".swift") {
                let relative = directory + "/" + path
                if [Self.generator, Self.httpContract, Self.postgresContract].contains(where: relative.hasPrefix) {
                    continue
                }
                let source = try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)
                for literal in Self.plainLiterals(source)
                where names.contains(literal) && !Self.otherSchemas.contains(literal) {
                    files[literal, default: []].insert(relative)
                }
            }
        }
        for (name, places) in files.sorted(by: { $0.key < $1.key }) {
            #expect(places.count <= 1, "\(name) is spelled out in \(places.sorted().joined(separator: ", "))")
        }
    }

    @Test func theLiteralScannerSkipsCommentsRawAndInterpolatedStrings() {
        let source = #"""
            let a = "status" // "stage"
            let b = #"{"id": 1}"#
            let c = "x\(y)" + "seq"
            /* "error" */
            let d = """
                "url"
                """
            """#
        #expect(Self.plainLiterals(source) == ["status", "seq"])
    }
}
