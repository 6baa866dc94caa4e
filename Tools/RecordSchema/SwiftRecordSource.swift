/// The Swift source of one record type, generated from its message: the struct with one property per field,
/// its field table (JSON names for export and load) and its wire codec, written out field by field so the
/// hot path pays no table lookups or closures.
public struct SwiftRecordSource {
    /// What the generated file starts with.
    public static let header = """
        // Generated from Formats/lineagestore.proto by Tools/RecordSchema when the package builds (the
        // RecordCodegen plugin). Change the .proto, not this file.

        """

    private let message: MessageSchema
    private let fields: [SwiftField]

    /// The source of `message`; `messages` are the file's others, to resolve message-typed fields.
    public init(_ message: MessageSchema, among messages: [MessageSchema]) throws {
        self.message = message
        fields = try message.fields.map { try SwiftField($0, in: message, among: messages) }
    }

    /// The record's source text.
    public var text: String {
        let name = message.swiftName
        var lines = Self.docComment(message.comment, indent: "")
        lines.append("public struct \(name): Equatable, Sendable, Encodable {")
        for field in fields {
            lines += Self.docComment(field.schema.comment, indent: "    ")
            lines.append("    \(field.schema.isStorageOnly ? "package" : "public") var \(field.declaration)")
        }
        lines += [
            "    /// Fields this version does not know, kept verbatim and written back unchanged.",
            "    package var unknownFields: [UInt8] = []",
            "",
            "    /// A record with every field at its default.",
            "    public init() {}",
            "",
            "    /// Encodes the record as its JSON object: the snake_case fields of the export.",
            "    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }",
            "}",
            "",
            "extension \(name): FieldTableRecord {",
            "    /// The fields in field-number order, with their snake_case names.",
            "    package static let fields: [RecordField<\(name)>] = [",
        ]
        lines += fields.map { "        \($0.tableEntry)," }
        lines += [
            "    ]",
            "",
        ]
        let progressFields = fields.filter(\.schema.isInProgressRecord)
        if !progressFields.isEmpty {
            let numbers = progressFields.map { String($0.schema.number) }.joined(separator: ", ")
            let own = fields.filter { !$0.schema.isInProgressRecord }
            let progress = fields.filter { $0.schema.number == 1 || $0.schema.isInProgressRecord }
            lines += [
                "    /// The fields stored in the record's progress record, apart from it (the `progress_record` option).",
                "    package static let progressFieldNumbers: Set<Int> = [\(numbers)]",
                "",
                "    /// Writes the fields stored in the record itself, in field-number order.",
                "    package func encodeRecordFields(into writer: inout ProtoWriter) {",
            ]
            lines += own.map { "        \($0.encoding)" }
            lines += [
                "    }",
                "",
                "    /// Writes field 1 and the fields stored in the progress record, in field-number order.",
                "    package func encodeProgressFields(into writer: inout ProtoWriter) {",
            ]
            lines += progress.map { "        \($0.encoding)" }
            lines += ["    }", ""]
        }
        lines += [
            "    /// Writes the known fields in field-number order.",
            "    package func encodeFields(into writer: inout ProtoWriter) {",
        ]
        lines += fields.map { "        \($0.encoding)" }
        lines += [
            "    }",
            "",
            "    /// Reads one known field; returns `false` for a field number this version does not know.",
            "    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {",
            "        switch field.number {",
        ]
        for field in fields {
            let decoding = field.decoding
            if decoding.count == 1 {
                lines.append("        case \(field.schema.number): \(decoding[0])")
            } else {
                lines.append("        case \(field.schema.number):")
                lines += decoding.map { "            \($0)" }
            }
        }
        lines += [
            "        default: return false",
            "        }",
            "        return true",
            "    }",
            "}",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// `comment` as `///` lines at `indent`, without the space protoc keeps after `//`.
    static func docComment(_ comment: String, indent: String) -> [String] {
        var lines = comment.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(" ") ? String(line.dropFirst()) : String(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0.isEmpty ? indent + "///" : indent + "/// " + $0 }
    }
}
