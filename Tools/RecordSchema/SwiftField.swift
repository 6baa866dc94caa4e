/// How one field appears in Swift: its property declaration, its field-table entry, and the lines that
/// encode and decode it.
struct SwiftField {
    /// What the generator supports, by the Swift value a field holds.
    enum Kind {
        case string, vocabulary(String), jsonDocument, strings, uint64, int64, timestamp, double, bool, bytes
        case stamp, counts
        /// A `repeated` field of another record message, by its Swift type.
        case records(String)
    }

    let schema: FieldSchema
    let kind: Kind

    init(_ schema: FieldSchema, in message: MessageSchema, among messages: [MessageSchema]) throws {
        self.schema = schema
        kind = try Self.kind(of: schema, in: message, among: messages)
        switch kind {
        case .string, .jsonDocument, .uint64, .timestamp, .bytes: break
        default:
            // Only kinds with an empty value can be optional: an absent value is stored as that empty value.
            guard !schema.isOptional else {
                throw RecordSchemaError.unsupported(message: message.name, field: schema.name)
            }
        }
    }

    private static func kind(of field: FieldSchema, in message: MessageSchema, among messages: [MessageSchema])
        throws -> Kind
    {
        let unsupported = RecordSchemaError.unsupported(message: message.name, field: field.name)
        if field.type == .message {
            let typeName = field.typeName.split(separator: ".").last.map(String.init) ?? ""
            if field.isRepeated, let entry = message.nested.first(where: { $0.name == typeName && $0.isMapEntry }) {
                guard entry.fields.map(\.type) == [.string, .sint64] else { throw unsupported }
                return .counts
            }
            guard let type = messages.first(where: { $0.name == typeName }) else { throw unsupported }
            if field.isRepeated { return .records(type.swiftName) }
            guard type.swiftName == "LWWStamp" else { throw unsupported }
            return .stamp
        }
        if field.isRepeated {
            guard field.type == .string else { throw unsupported }
            return .strings
        }
        switch field.type {
        case .string where !field.swiftType.isEmpty: return .vocabulary(field.swiftType)
        case .string where field.isJSONDocument: return .jsonDocument
        case .string: return .string
        case .uint64: return .uint64
        case .sint64: return .int64
        case .sfixed64: return .timestamp
        case .double: return .double
        case .bool: return .bool
        case .bytes: return .bytes
        case .message: throw unsupported
        }
    }

    private var property: String { schema.swiftName }
    private var number: Int { schema.number }
    /// What the codec and the field table read and write: the property, or for an `optional` field its
    /// ``Swift/Optional/stored`` form, where `nil` is the empty value.
    private var stored: String { schema.isOptional ? property + ".stored" : property }

    /// `name: Type = default`, or `name: Type?` for an `optional` field.
    var declaration: String {
        if schema.isOptional {
            return switch kind {
            case .string, .jsonDocument: "\(property): String?"
            case .uint64: "\(property): UInt64?"
            case .timestamp: "\(property): Int64?"
            default: "\(property): [UInt8]?"
            }
        }
        return switch kind {
        case .string, .jsonDocument: "\(property) = \"\""
        case .vocabulary(let type): "\(property): \(type) = \"\""
        case .strings: "\(property): [String] = []"
        case .uint64: "\(property): UInt64 = 0"
        case .int64, .timestamp: "\(property): Int64 = 0"
        case .double: "\(property): Double = 0"
        case .bool: "\(property) = false"
        case .bytes: "\(property): [UInt8] = []"
        case .stamp: "\(property) = LWWStamp()"
        case .counts: "\(property): [ExactString: Int64] = [:]"
        case .records(let type): "\(property): [\(type)] = []"
        }
    }

    /// The ``RecordField`` constructor call.
    var tableEntry: String {
        let constructor =
            switch kind {
            case .string: "string"
            case .vocabulary: "value"
            case .jsonDocument: "json"
            case .strings: "strings"
            case .uint64: "uint64"
            case .int64: "int64"
            case .timestamp: "timestamp"
            case .double: "double"
            case .bool: "bool"
            case .bytes: "bytes"
            case .stamp: "stamp"
            case .counts: "counts"
            case .records: "records"
            }
        var entry = ".\(constructor)(\(number), \"\(schema.name)\", \\.\(stored))"
        if schema.isOptional { entry += ".property(\\.\(property))" }
        if !schema.formerName.isEmpty { entry += ".formerName(\"\(schema.formerName)\")" }
        return entry
    }

    /// The statement that writes the field.
    var encoding: String {
        switch kind {
        case .string, .jsonDocument: "writer.write(\(number), string: \(stored))"
        case .vocabulary: "writer.write(\(number), string: \(property).rawValue)"
        case .strings: "for value in \(property) { writer.writeRepeated(\(number), string: value) }"
        case .uint64: "writer.write(\(number), uint64: \(stored))"
        case .int64: "writer.write(\(number), sint64: \(property))"
        case .timestamp: "writer.write(\(number), sfixed64: \(stored))"
        case .double: "writer.write(\(number), double: \(property))"
        case .bool: "writer.write(\(number), bool: \(property))"
        case .bytes: "writer.write(\(number), bytes: \(stored))"
        case .stamp: "writer.writeStamp(\(number), \(property))"
        case .counts: "writer.writeCounts(\(number), \(property))"
        case .records: "for value in \(property) { writer.writeRepeated(\(number), record: value) }"
        }
    }

    /// The statements that read the field from `field`.
    var decoding: [String] {
        switch kind {
        case .string, .jsonDocument: ["\(stored) = try field.string(context)"]
        case .vocabulary(let type): ["\(property) = \(type)(rawValue: try field.string(context))"]
        case .strings: ["\(property).append(try field.string(context))"]
        case .uint64: ["\(stored) = try field.uint64(context)"]
        case .int64: ["\(property) = try field.sint64(context)"]
        case .timestamp: ["\(stored) = try field.sfixed64(context)"]
        case .double: ["\(property) = try field.double(context)"]
        case .bool: ["\(property) = try field.bool(context)"]
        case .bytes: ["\(stored) = try field.bytes(context)"]
        case .stamp: ["\(property) = try field.stamp(context)"]
        case .counts: ["let (key, value) = try field.countEntry(context)", "\(property)[key] = value"]
        case .records(let type): ["\(property).append(try field.record(\(type).self, context))"]
        }
    }
}
