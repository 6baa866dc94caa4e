import LineageFormat

/// One entry of the change feed, with the record it names as the store holds it when the entry is read.
public struct StoreChange: Sendable, Equatable, Encodable {
    /// The entry's position in the feed: 1 for the first change, one more for each after it.
    public let sequence: UInt64
    /// The kind of the record written (a job's progress is reported as its job).
    public let kind: RecordKind
    /// The record's primary key, without its kind (`[job id]`, `[page id, version]`…).
    public let key: [TupleElement]
    /// Whether the record was stored or deleted.
    public let operation: ChangeOperation
    /// When the transaction that wrote it committed, in microseconds since the Unix epoch.
    public let committedAt: Int64
    /// The record as `export` writes it (without its `"kind"`), read with the entry: its current state, which
    /// later entries may have changed again; `nil` when the record no longer exists.
    public let record: String?

    /// The entry as one JSON object: `sequence`, `kind`, `key`, `operation`, `committed_at` and `record`.
    public var jsonLine: String {
        var bytes: [UInt8] = []
        let members: [(String, JSONValue)] = [
            ("sequence", .unsigned(sequence)), ("kind", .string(kind.name)),
            ("key", .array(key.map(Self.json))), ("operation", .string(operation.rawValue)),
            ("committed_at", .string(Timestamp.format(committedAt))),
        ]
        bytes.append(UInt8(ascii: "{"))
        for (name, value) in members {
            JSONValue.string(name).write(to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            value.write(to: &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        bytes += Array(#""record":"#.utf8)
        bytes += Array((record ?? "null").utf8)
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Encodes ``jsonLine``'s object.
    public func encode(to encoder: any Encoder) throws {
        try JSONScanner.value(Array(jsonLine.utf8)).encode(to: encoder)
    }

    /// A key element as JSON: strings and integers as themselves, byte strings (digests) as hex.
    private static func json(_ element: TupleElement) -> JSONValue {
        switch element {
        case .string(let text): .string(text)
        case .int(let number): .integer(number)
        case .bytes(let bytes): .string(Hex.encode(bytes))
        default: .string("\(element)")
        }
    }
}
