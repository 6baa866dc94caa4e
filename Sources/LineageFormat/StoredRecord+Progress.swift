extension StoredRecord {
    /// The fields this type keeps in its progress record rather than in itself, by number: none unless the
    /// message marks fields with the `progress` option (the job).
    package static var progressFieldNumbers: Set<Int> { [] }

    /// Whether the type keeps fields in a progress record.
    package static var hasProgressRecord: Bool { !progressFieldNumbers.isEmpty }

    /// The stored key of the progress record of the record whose primary key is `primaryKey`:
    /// `(21, primaryKey…)` in the `progress` database.
    package static func progressKey(_ primaryKey: [TupleElement]) -> [UInt8] {
        TupleCodec.encode([.int(Int64(RecordKind.jobProgress.rawValue))] + primaryKey)
    }

    /// All the fields, for a type without a progress record.
    package func encodeRecordFields(into writer: inout ProtoWriter) { encodeFields(into: &writer) }

    /// None, for a type without a progress record.
    package func encodeProgressFields(into writer: inout ProtoWriter) {}

    /// The record as stored by a type with a progress record: the record without its progress fields, and
    /// the progress record (kind `job_progress`: field 1, the id, and the progress fields), each sealed in its
    /// envelope; for other types the record and `nil`. Fields this version does not know stay in the record.
    package func encodedParts() -> (record: [UInt8], progress: [UInt8]?) {
        guard Self.hasProgressRecord else { return (encodedRecord(), nil) }
        var record = ProtoWriter(capacity: 128)
        record.appendRaw(Envelope.placeholder)
        encodeRecordFields(into: &record)
        record.appendRaw(unknownFields)
        Envelope.seal(&record, kind: Self.kind, schemaVersion: Self.schemaVersion)
        var progress = ProtoWriter(capacity: 256)
        progress.appendRaw(Envelope.placeholder)
        encodeProgressFields(into: &progress)
        Envelope.seal(&progress, kind: .jobProgress, schemaVersion: Self.schemaVersion)
        return (record.bytes, progress.bytes)
    }

    /// The numbers of the fields a stored record or progress record holds, in order.
    /// - Throws: ``FormatError`` naming `context` when the bytes do not parse.
    package static func fieldNumbers(inRecord bytes: UnsafeRawBufferPointer, context: String) throws(FormatError)
        -> [Int]
    {
        let (_, body) = try Envelope.open(bytes, context: context)
        var reader = ProtoReader(body, context: context)
        var numbers: [Int] = []
        while let field = try reader.next() { numbers.append(field.number) }
        return numbers
    }

    /// Reads the fields of a stored progress record into this record, checking its envelope and kind.
    /// - Throws: ``FormatError`` naming `context` when the progress record is damaged or of another kind.
    package mutating func mergeProgress(record bytes: UnsafeRawBufferPointer, context: String) throws(FormatError) {
        let (envelope, body) = try Envelope.open(bytes, context: context)
        guard envelope.kind == RecordKind.jobProgress.rawValue else {
            let found = RecordKind.known(envelope.kind)?.name ?? "unknown kind \(envelope.kind)"
            throw FormatError(.wrongKind, "\(context): expected a job_progress record, found \(found)")
        }
        let key = storedKey
        var reader = ProtoReader(body, context: context)
        while let field = try reader.next() {
            if try !decodeField(field, context: context) { unknownFields.append(contentsOf: field.raw) }
        }
        guard storedKey == key else {
            throw FormatError(.invalidField, "\(context): the progress record is of another \(Self.kind.name)")
        }
    }
}
