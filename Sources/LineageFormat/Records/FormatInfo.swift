/// The description of a database file, stored under the key `("format")` in the `meta` database.
public struct FormatInfo: RecordCodable, Equatable {
    public static let kind = RecordKind.formatInfo
    public static let schemaVersion: UInt16 = 1

    /// The major format version of the file (field 1).
    public var major: UInt64 = 0
    /// The minor format version of the file (field 2).
    public var minor: UInt64 = 0
    /// When the file was created, in microseconds since the Unix epoch, UTC (field 3).
    public var createdAt: Int64 = 0
    /// The library that created the file, e.g. `LineageStore 0.1.0` (field 4).
    public var createdBy: String = ""
    public var unknownFields: [UInt8] = []

    public init() {}

    /// Creates the description of a new file.
    public init(major: UInt64, minor: UInt64, createdAt: Int64, createdBy: String) {
        self.major = major
        self.minor = minor
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    public func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, uint64: major)
        writer.write(2, uint64: minor)
        writer.write(3, sfixed64: createdAt)
        writer.write(4, string: createdBy)
    }

    public mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: major = try field.uint64(context)
        case 2: minor = try field.uint64(context)
        case 3: createdAt = try field.sfixed64(context)
        case 4: createdBy = try field.string(context)
        default: return false
        }
        return true
    }
}
