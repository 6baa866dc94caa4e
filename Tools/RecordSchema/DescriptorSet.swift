import SwiftProtobuf

/// Reads the messages and enums of one file from a `FileDescriptorSet` that `protoc --include_source_info
/// --descriptor_set_out` wrote, with swift-protobuf's descriptor types.
///
/// Only what the generator needs is read: message and field names, numbers, types, labels, enum values, the
/// `lineagestore.v1` options and the comments of the source info.
public struct DescriptorSet {
    /// The messages, in declaration order.
    public let messages: [MessageSchema]
    /// The enums, as the vocabularies of string fields, in declaration order.
    public let vocabularies: [VocabularySchema]

    /// Reads the first file in `bytes`.
    public init(_ bytes: [UInt8]) throws {
        let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: bytes, extensions: Options.all)
        guard let file = set.file.first else { throw RecordSchemaError.emptyDescriptorSet }
        let comments = Dictionary(
            file.sourceCodeInfo.location.compactMap { location in
                let text = location.leadingComments.isEmpty ? location.trailingComments : location.leadingComments
                return text.isEmpty ? nil : (location.path.map(Int.init), text)
            },
            uniquingKeysWith: { first, _ in first })
        vocabularies = try file.enumType.enumerated().map { enumIndex, descriptor in
            try Self.vocabulary(descriptor) { valueIndex in
                comments[[5, enumIndex] + (valueIndex.map { [2, $0] } ?? [])] ?? ""
            }
        }
        messages = try file.messageType.enumerated().map { messageIndex, descriptor in
            var message = try Self.schema(descriptor)
            message.comment = comments[[4, messageIndex]] ?? ""
            for fieldIndex in message.fields.indices {
                message.fields[fieldIndex].comment = comments[[4, messageIndex, 2, fieldIndex]] ?? ""
            }
            message.fields.sort { $0.number < $1.number }
            return message
        }
    }

    /// The vocabulary an enum declares; `comment(nil)` is the enum's comment, `comment(i)` its i-th value's.
    private static func vocabulary(_ descriptor: Google_Protobuf_EnumDescriptorProto, comment: (Int?) -> String)
        throws -> VocabularySchema
    {
        let prefix = descriptor.name.replacing(/([a-z0-9])([A-Z])/) { "\($0.1)_\($0.2)" }.uppercased() + "_"
        var values: [VocabularySchema.Value] = []
        for (index, value) in descriptor.value.enumerated() {
            guard value.name.hasPrefix(prefix) else {
                throw RecordSchemaError.vocabularyValue(vocabulary: descriptor.name, value: value.name, prefix: prefix)
            }
            if value.number == 0 { continue }
            values.append(.init(spelling: value.name.dropFirst(prefix.count).lowercased(), comment: comment(index)))
        }
        return VocabularySchema(
            name: descriptor.name, comment: comment(nil), values: values,
            isClosed: descriptor.options.getExtensionValue(ext: Options.closed) ?? false)
    }

    private static func schema(_ message: Google_Protobuf_DescriptorProto) throws -> MessageSchema {
        let swiftStruct = message.options.getExtensionValue(ext: Options.swiftStruct) ?? ""
        return MessageSchema(
            name: message.name, swiftName: swiftStruct.isEmpty ? message.name + "Record" : swiftStruct, comment: "",
            fields: try message.field.map { try schema($0, in: message.name) },
            nested: try message.nestedType.map(schema), isMapEntry: message.options.mapEntry)
    }

    private static func schema(_ field: Google_Protobuf_FieldDescriptorProto, in message: String) throws
        -> FieldSchema
    {
        guard let type = FieldSchema.WireType(rawValue: field.type.rawValue) else {
            throw RecordSchemaError.unsupported(message: message, field: field.name)
        }
        let options = field.options
        return FieldSchema(
            name: field.name, number: Int(field.number), type: type, isRepeated: field.label == .repeated,
            isOptional: field.proto3Optional,
            typeName: field.typeName, swiftNameOption: options.getExtensionValue(ext: Options.swiftName) ?? "",
            swiftType: options.getExtensionValue(ext: Options.swiftType) ?? "",
            isJSONDocument: options.getExtensionValue(ext: Options.jsonDocument) ?? false,
            isStorageOnly: options.getExtensionValue(ext: Options.storageOnly) ?? false,
            formerName: options.getExtensionValue(ext: Options.formerName) ?? "",
            isInProgressRecord: options.getExtensionValue(ext: Options.progressRecord) ?? false, comment: "")
    }

    /// The custom options `Formats/lineagestore.proto` declares, as swift-protobuf extensions.
    private enum Options {
        typealias MessageOption<Value: FieldType> = MessageExtension<
            OptionalExtensionField<Value>, Google_Protobuf_MessageOptions
        >
        typealias FieldOption<Value: FieldType> = MessageExtension<
            OptionalExtensionField<Value>, Google_Protobuf_FieldOptions
        >
        typealias EnumOption<Value: FieldType> = MessageExtension<
            OptionalExtensionField<Value>, Google_Protobuf_EnumOptions
        >

        static let swiftStruct = MessageOption<ProtobufString>(
            _protobuf_fieldNumber: 50000, fieldName: "lineagestore.v1.swift_struct")
        static let swiftName = FieldOption<ProtobufString>(
            _protobuf_fieldNumber: 50000, fieldName: "lineagestore.v1.swift_name")
        static let swiftType = FieldOption<ProtobufString>(
            _protobuf_fieldNumber: 50001, fieldName: "lineagestore.v1.swift_type")
        static let jsonDocument = FieldOption<ProtobufBool>(
            _protobuf_fieldNumber: 50002, fieldName: "lineagestore.v1.json_document")
        static let storageOnly = FieldOption<ProtobufBool>(
            _protobuf_fieldNumber: 50003, fieldName: "lineagestore.v1.storage_only")
        static let formerName = FieldOption<ProtobufString>(
            _protobuf_fieldNumber: 50004, fieldName: "lineagestore.v1.former_name")
        static let progressRecord = FieldOption<ProtobufBool>(
            _protobuf_fieldNumber: 50005, fieldName: "lineagestore.v1.progress_record")
        static let closed = EnumOption<ProtobufBool>(_protobuf_fieldNumber: 50000, fieldName: "lineagestore.v1.closed")
        static let all: SimpleExtensionMap = [
            swiftStruct, swiftName, swiftType, jsonDocument, storageOnly, formerName, progressRecord, closed,
        ]
    }
}
