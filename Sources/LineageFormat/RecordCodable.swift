/// A record type with a protocol-buffers body inside an ``Envelope``.
///
/// Conforming types keep the fields they do not know in `unknownFields` and write them back unchanged,
/// so a record written by a newer schema survives a read-modify-write by an older library.
package protocol RecordCodable: Sendable {
    /// The kind stored in the envelope.
    static var kind: RecordKind { get }
    /// The schema version of the kind this type writes.
    static var schemaVersion: UInt16 { get }
    /// Encoded fields this type does not know, kept verbatim.
    var unknownFields: [UInt8] { get set }
    /// Writes the known fields.
    func encodeFields(into writer: inout ProtoWriter)
    /// Reads one known field; returns `false` if the field number is unknown to this type.
    mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool
    /// An instance with every field at its default, to decode into.
    init()
}

extension RecordCodable {
    /// The body: known fields, then unknown fields.
    package func encodedBody() -> [UInt8] {
        var writer = ProtoWriter()
        encodeFields(into: &writer)
        writer.appendRaw(unknownFields)
        return writer.bytes
    }

    /// Envelope and body, as stored, written into one buffer.
    package func encodedRecord() -> [UInt8] {
        var writer = ProtoWriter(capacity: 256)
        writer.appendRaw(Envelope.placeholder)
        encodeFields(into: &writer)
        writer.appendRaw(unknownFields)
        Envelope.seal(&writer, kind: Self.kind, schemaVersion: Self.schemaVersion)
        return writer.bytes
    }

    /// Decodes a body (no envelope).
    package init(body: UnsafeRawBufferPointer, context: String) throws(FormatError) {
        self.init()
        var reader = ProtoReader(body, context: context)
        while let field = try reader.next() {
            if try !decodeField(field, context: context) { unknownFields.append(contentsOf: field.raw) }
        }
    }

    /// Decodes a stored record, checking its envelope, kind and checksum.
    /// - Parameter context: names the record (database and key) in any error.
    package init(record: UnsafeRawBufferPointer, context: String) throws(FormatError) {
        let (envelope, body) = try Envelope.open(record, context: context)
        guard envelope.kind == Self.kind.rawValue else {
            let found = RecordKind.known(envelope.kind)?.name ?? "unknown kind \(envelope.kind)"
            throw FormatError(.wrongKind, "\(context): expected a \(Self.kind.name) record, found \(found)")
        }
        try self.init(body: body, context: context)
    }

    /// Decodes a stored record from bytes.
    package init(record: [UInt8], context: String) throws(FormatError) {
        let result = record.withUnsafeBytes { bytes in
            Result { () throws(FormatError) in try Self(record: bytes, context: context) }
        }
        self = try result.get()
    }
}
