// Generated from Formats/lineagestore.proto by Tools/RecordSchema. Do not edit: change the .proto and
// run `make generate`.

/// A processing stage and the stages it depends on (record kind 10; schema `StageDefinition`). The definitions
/// form a DAG; stages are data, not an enum. Key (10, name).
public struct StageDefinitionRecord: Equatable, Sendable, Encodable {
    /// The stage name, e.g. `chunker`.
    public var name = ""
    /// The stages that must finish before this one runs.
    public var dependsOn: [String] = []
    /// Whether the stage may be skipped; stages depending on it then run once it is completed or skipped.
    public var isOptional = false
    /// How many times a failed run may be retried.
    public var maxRetries: UInt64 = 0
    /// What the stage does.
    public var summary = ""
    /// Its position in listings.
    public var position: UInt64 = 0
    /// Fields this version does not know, kept verbatim and written back unchanged.
    package var unknownFields: [UInt8] = []

    /// A record with every field at its default.
    public init() {}

    /// Encodes the record as its JSON object: the snake_case fields of the export.
    public func encode(to encoder: any Encoder) throws { try encodeJSON(to: encoder) }
}

extension StageDefinitionRecord: FieldTableRecord {
    /// The fields in field-number order, with their snake_case names.
    package static let fields: [RecordField<StageDefinitionRecord>] = [
        .string(1, "name", \.name),
        .strings(2, "depends_on", \.dependsOn),
        .bool(3, "optional", \.isOptional),
        .uint64(4, "max_retries", \.maxRetries),
        .string(5, "description", \.summary),
        .uint64(6, "position", \.position),
    ]

    /// Writes the known fields in field-number order.
    package func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: name)
        for value in dependsOn { writer.writeRepeated(2, string: value) }
        writer.write(3, bool: isOptional)
        writer.write(4, uint64: maxRetries)
        writer.write(5, string: summary)
        writer.write(6, uint64: position)
    }

    /// Reads one known field; returns `false` for a field number this version does not know.
    package mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: name = try field.string(context)
        case 2: dependsOn.append(try field.string(context))
        case 3: isOptional = try field.bool(context)
        case 4: maxRetries = try field.uint64(context)
        case 5: summary = try field.string(context)
        case 6: position = try field.uint64(context)
        default: return false
        }
        return true
    }
}
