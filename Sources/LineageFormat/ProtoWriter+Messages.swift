extension ProtoWriter {
    /// Writes a `Stamp` message field (`sfixed64 timestamp = 1; string reporter = 2; uint64 seq = 3`); nothing
    /// for the zero stamp. The nested message is written in place.
    package mutating func writeStamp(_ field: Int, _ stamp: LWWStamp) {
        guard !stamp.isZero else { return }
        let reporterBytes = stamp.reporter.utf8.count
        var length = stamp.timestamp == 0 ? 0 : 9
        if reporterBytes > 0 { length += 1 + Self.varintSize(UInt64(reporterBytes)) + reporterBytes }
        if stamp.seq != 0 { length += 1 + Self.varintSize(stamp.seq) }
        writeLengthPrefix(field, length)
        write(1, sfixed64: stamp.timestamp)
        write(2, string: stamp.reporter)
        write(3, uint64: stamp.seq)
    }

    /// Writes a `map<string, sint64>` field, entries in key order (UTF-8 bytes) so the encoding is canonical;
    /// each entry is written in place.
    package mutating func writeCounts(_ field: Int, _ counts: [ExactString: Int64]) {
        guard !counts.isEmpty else { return }
        let entries =
            counts.count == 1 ? Array(counts) : counts.sorted { $0.key < $1.key }
        for (key, value) in entries {
            let keyBytes = key.string.utf8.count
            let zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
            var length = keyBytes > 0 ? 1 + Self.varintSize(UInt64(keyBytes)) + keyBytes : 0
            if zigzag != 0 { length += 1 + Self.varintSize(zigzag) }
            writeLengthPrefix(field, length)
            write(1, string: key.string)
            write(2, sint64: value)
        }
    }

    /// The number of bytes `value` takes as a varint.
    static func varintSize(_ value: UInt64) -> Int {
        value == 0 ? 1 : (64 - value.leadingZeroBitCount + 6) / 7
    }
}

extension ProtoReader.Field {
    /// The value of a `Stamp` message field.
    package func stamp(_ context: String) throws(FormatError) -> LWWStamp {
        var reader = try message(context)
        var stamp = LWWStamp()
        while let inner = try reader.next() {
            switch inner.number {
            case 1: stamp.timestamp = try inner.sfixed64(context)
            case 2: stamp.reporter = try inner.string(context)
            case 3: stamp.seq = try inner.uint64(context)
            default: break
            }
        }
        return stamp
    }

    /// One entry of a `map<string, sint64>` field.
    package func countEntry(_ context: String) throws(FormatError) -> (ExactString, Int64) {
        var reader = try message(context)
        var key = ""
        var value: Int64 = 0
        while let inner = try reader.next() {
            switch inner.number {
            case 1: key = try inner.string(context)
            case 2: value = try inner.sint64(context)
            default: break
            }
        }
        return (ExactString(key), value)
    }
}

extension ProtoWriter {
    /// Writes one element of a `repeated` field of record messages: the record's body (its fields, then the
    /// fields it keeps without knowing them), even when empty.
    package mutating func writeRepeated(_ field: Int, record: some RecordCodable) {
        writeMessage(field) { writer in
            record.encodeFields(into: &writer)
            writer.appendRaw(record.unknownFields)
        }
    }
}

extension ProtoReader.Field {
    /// The value of one element of a `repeated` field of record messages.
    package func record<R: RecordCodable>(_ type: R.Type, _ context: String) throws(FormatError) -> R {
        try require(.lengthDelimited, "message", context)
        return try R(body: payload, context: context)
    }
}
