/// Why the record types could not be generated.
public enum RecordSchemaError: Error, CustomStringConvertible {
    /// A field's protobuf type has no Swift mapping in the generator.
    case unsupported(message: String, field: String)
    /// protoc failed; its message.
    case protoc(String)
    /// protoc's descriptor set holds no file.
    case emptyDescriptorSet

    public var description: String {
        switch self {
        case .unsupported(let message, let field):
            "unsupported_field: \(message).\(field) has a type the generator does not map to Swift"
        case .protoc(let message): "protoc_failed: \(message)"
        case .emptyDescriptorSet: "empty_descriptor_set: protoc's descriptor set holds no file"
        }
    }
}
