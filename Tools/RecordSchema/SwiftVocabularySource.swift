/// The Swift source of one vocabulary type, generated from its enum: a string-backed set with one static
/// member per known value, the list of them all, and whether the set is closed.
enum SwiftVocabularySource {
    /// The type's source text.
    static func text(_ vocabulary: VocabularySchema) -> String {
        let name = vocabulary.name
        var lines = SwiftRecordSource.docComment(vocabulary.comment, indent: "")
        lines += [
            "public struct \(name): Vocabulary {",
            "    public let rawValue: String",
            "    public init(rawValue: String) { self.rawValue = rawValue }",
            "",
        ]
        for value in vocabulary.values {
            lines += SwiftRecordSource.docComment(value.comment, indent: "    ")
            lines.append("    public static let \(value.swiftName): \(name) = \"\(value.spelling)\"")
        }
        let known = vocabulary.values.map { "." + $0.swiftName }.joined(separator: ", ")
        lines += [
            "    /// The values this version names.",
            "    public static let known: [\(name)] = [\(known)]",
            "    /// Whether a record may hold only the known values (and the empty string).",
            "    public static let isClosed = \(vocabulary.isClosed)",
            "}",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
