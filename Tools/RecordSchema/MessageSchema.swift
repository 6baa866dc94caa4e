/// One message of `Formats/lineagestore.proto` as the generator reads it from protoc's descriptor set.
public struct MessageSchema: Sendable, Equatable {
    /// The message name, e.g. `Page`.
    public var name: String
    /// The Swift type: the `swift_struct` option, else the name followed by `Record`.
    public var swiftName: String
    /// The comment above the message.
    public var comment: String
    /// The fields, in field-number order.
    public var fields: [FieldSchema]
    /// The messages declared inside this one (protoc declares a `map<…>` field's entry type there).
    public var nested: [MessageSchema]
    /// Whether protoc made this message for a `map<…>` field.
    public var isMapEntry: Bool
}

/// One field of a message: its number, names, wire type and the Swift options that refine it.
public struct FieldSchema: Sendable, Equatable {
    /// The wire types the generator knows, with protoc's `FieldDescriptorProto.Type` numbers.
    public enum WireType: Int, Sendable {
        case double = 1, bool = 8, string = 9, message = 11, bytes = 12, uint64 = 4, sfixed64 = 16, sint64 = 18
    }

    /// The snake_case name, also the JSON name.
    public var name: String
    /// The field number.
    public var number: Int
    /// The wire type.
    public var type: WireType
    /// Whether the field is `repeated` (a map is a repeated message).
    public var isRepeated: Bool
    /// Whether the field is proto3 `optional`: a Swift optional, absent when empty.
    public var isOptional: Bool
    /// The fully qualified message type of a message field, e.g. `.lineagestore.v1.Stamp`.
    public var typeName: String
    /// The `swift_name` option, or empty.
    public var swiftNameOption: String
    /// The `swift_type` option, or empty.
    public var swiftType: String
    /// The `json_document` option.
    public var isJSONDocument: Bool
    /// The `storage_only` option: the property is `package`, not `public`.
    public var isStorageOnly: Bool
    /// The `former_name` option (the JSON name in an earlier format version), or empty.
    public var formerName: String
    /// The `progress_record` option: the field is stored in the record's progress record, apart from the record.
    public var isInProgressRecord: Bool = false
    /// The comment above the field, else the one after it.
    public var comment: String

    /// The Swift property: the `swift_name` option, else the name in lowerCamelCase with `id`, `ids`, `url`
    /// and `urls` in capitals after the first word.
    public var swiftName: String {
        if !swiftNameOption.isEmpty { return swiftNameOption }
        let words = name.split(separator: "_").map(String.init)
        let capitals = ["id": "ID", "ids": "IDs", "url": "URL", "urls": "URLs"]
        return words.enumerated().map { index, word in
            index == 0 ? word : capitals[word] ?? word.prefix(1).uppercased() + word.dropFirst()
        }.joined()
    }
}

/// One enum of `Formats/lineagestore.proto`: the known values of a string field's vocabulary.
public struct VocabularySchema: Sendable, Equatable {
    /// One known value.
    public struct Value: Sendable, Equatable {
        /// How it is stored: the value's name after the enum's prefix, in lowercase (`in_progress`).
        public var spelling: String
        /// The comment above it.
        public var comment: String

        /// The Swift name: the spelling in lowerCamelCase.
        public var swiftName: String {
            let words = spelling.split(separator: "_")
            return words.enumerated().map { $0 == 0 ? String($1) : $1.prefix(1).uppercased() + $1.dropFirst() }
                .joined()
        }
    }

    /// The enum's name, also the Swift type's.
    public var name: String
    /// The comment above the enum.
    public var comment: String
    /// The known values in declaration order, without the zero value (the empty string).
    public var values: [Value]
    /// Whether only the known values (and the empty string) are valid: the enum's `closed` option.
    public var isClosed = false
}
