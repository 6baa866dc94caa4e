/// Why the record types could not be generated.
public enum RecordSchemaError: Error, CustomStringConvertible {
    /// A field's protobuf type has no Swift mapping in the generator.
    case unsupported(message: String, field: String)
    /// protoc failed; its message.
    case protoc(String)
    /// protoc's descriptor set holds no file.
    case emptyDescriptorSet
    /// An enum value's name does not start with its enum's name in UPPER_SNAKE_CASE.
    case vocabularyValue(vocabulary: String, value: String, prefix: String)
    /// A field's `swift_type` names no enum of the file.
    case unknownVocabulary(message: String, field: String, type: String)

    public var description: String {
        switch self {
        case .unsupported(let message, let field):
            "unsupported_field: \(message).\(field) has a type the generator does not map to Swift"
        case .protoc(let message): "protoc_failed: \(message)"
        case .emptyDescriptorSet: "empty_descriptor_set: protoc's descriptor set holds no file"
        case .vocabularyValue(let vocabulary, let value, let prefix):
            "invalid_vocabulary_value: \(vocabulary).\(value) must start with \(prefix)"
        case .unknownVocabulary(let message, let field, let type):
            "unknown_vocabulary: \(message).\(field) names \(type), which is no enum of the file"
        }
    }
}
