import LineageFormat

/// Reads the messages of one file from a `FileDescriptorSet` that `protoc --include_source_info
/// --descriptor_set_out` wrote, with the project's own wire-format reader.
///
/// Only what the generator needs is read: message and field names, numbers, types, labels, the
/// `lineagestore.v1` options (field numbers 50000–50003) and the comments of the source info.
public enum DescriptorSet {
    /// The messages of the first file in `bytes`, in declaration order.
    public static func messages(_ bytes: [UInt8]) throws -> [MessageSchema] {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(FormatError) in try readSet(buffer) }
        }
        return try result.get()
    }

    private static func readSet(_ buffer: UnsafeRawBufferPointer) throws(FormatError) -> [MessageSchema] {
        var set = ProtoReader(buffer, context: "FileDescriptorSet")
        while let field = try set.next() {
            if field.number == 1 { return try readFile(try field.message("FileDescriptorProto")) }
        }
        throw FormatError(.invalidField, "FileDescriptorSet: no file")
    }

    private static func readFile(_ file: ProtoReader) throws(FormatError) -> [MessageSchema] {
        var file = file
        var messages: [MessageSchema] = []
        var comments: [[Int]: String] = [:]
        while let field = try file.next() {
            switch field.number {
            case 4: messages.append(try readMessage(try field.message("DescriptorProto")))
            case 9: comments = try readComments(try field.message("SourceCodeInfo"))
            default: break
            }
        }
        for (messageIndex, message) in messages.enumerated() {
            messages[messageIndex].comment = comments[[4, messageIndex]] ?? ""
            for fieldIndex in message.fields.indices {
                messages[messageIndex].fields[fieldIndex].comment = comments[[4, messageIndex, 2, fieldIndex]] ?? ""
            }
            messages[messageIndex].fields.sort { $0.number < $1.number }
        }
        return messages
    }

    private static func readMessage(_ message: ProtoReader) throws(FormatError) -> MessageSchema {
        var message = message
        var schema = MessageSchema(name: "", swiftName: "", comment: "", fields: [], nested: [], isMapEntry: false)
        while let field = try message.next() {
            switch field.number {
            case 1: schema.name = try field.string("DescriptorProto.name")
            case 2: schema.fields.append(try readField(try field.message("FieldDescriptorProto")))
            case 3: schema.nested.append(try readMessage(try field.message("DescriptorProto")))
            case 7:
                var options = try field.message("MessageOptions")
                while let option = try options.next() {
                    if option.number == 7 { schema.isMapEntry = try option.bool("map_entry") }
                    if option.number == 50000 { schema.swiftName = try option.string("swift_struct") }
                }
            default: break
            }
        }
        if schema.swiftName.isEmpty { schema.swiftName = schema.name + "Record" }
        return schema
    }

    private static func readField(_ field: ProtoReader) throws(FormatError) -> FieldSchema {
        var reader = field
        var schema = FieldSchema(
            name: "", number: 0, type: .string, isRepeated: false, typeName: "", swiftNameOption: "", swiftType: "",
            isJSONDocument: false, isStorageOnly: false, comment: "")
        while let field = try reader.next() {
            switch field.number {
            case 1: schema.name = try field.string("FieldDescriptorProto.name")
            case 3: schema.number = Int(try field.uint64("FieldDescriptorProto.number"))
            case 4: schema.isRepeated = try field.uint64("FieldDescriptorProto.label") == 3
            case 5:
                let code = Int(try field.uint64("FieldDescriptorProto.type"))
                guard let type = FieldSchema.WireType(rawValue: code) else {
                    throw FormatError(.invalidField, "field \(schema.name): protobuf type \(code) is not supported")
                }
                schema.type = type
            case 6: schema.typeName = try field.string("FieldDescriptorProto.type_name")
            case 8:
                var options = try field.message("FieldOptions")
                while let option = try options.next() {
                    switch option.number {
                    case 50000: schema.swiftNameOption = try option.string("swift_name")
                    case 50001: schema.swiftType = try option.string("swift_type")
                    case 50002: schema.isJSONDocument = try option.bool("json_document")
                    case 50003: schema.isStorageOnly = try option.bool("storage_only")
                    default: break
                    }
                }
            default: break
            }
        }
        return schema
    }

    /// The comment of each commented element, by its source-info path: the leading comment, else the
    /// trailing one, with the comment markers' spaces removed.
    private static func readComments(_ info: ProtoReader) throws(FormatError) -> [[Int]: String] {
        var info = info
        var comments: [[Int]: String] = [:]
        while let field = try info.next() {
            guard field.number == 1 else { continue }
            var location = try field.message("SourceCodeInfo.Location")
            var path: [Int] = []
            var leading = ""
            var trailing = ""
            while let part = try location.next() {
                switch part.number {
                case 1: path = packedVarints(part.payload)
                case 3: leading = try part.string("leading_comments")
                case 4: trailing = try part.string("trailing_comments")
                default: break
                }
            }
            let text = leading.isEmpty ? trailing : leading
            if !text.isEmpty { comments[path] = text }
        }
        return comments
    }

    private static func packedVarints(_ bytes: UnsafeRawBufferPointer) -> [Int] {
        var values: [Int] = []
        var value = 0
        var shift = 0
        for byte in bytes {
            value |= Int(byte & 0x7F) << shift
            shift += 7
            if byte < 0x80 {
                values.append(value)
                value = 0
                shift = 0
            }
        }
        return values
    }
}
