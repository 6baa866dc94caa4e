/// What a path looked like when it was last hashed (record kind 18). Schema: `StatCacheEntry` in
/// `Formats/lineagestore.proto`.
public struct StatCacheRecord: RecordCodable, StoredRecord, Equatable {
    public static let kind = RecordKind.statCache
    public static let schemaVersion: UInt16 = 1

    /// The absolute path (field 1).
    public var path: String = ""
    /// The size in bytes (field 2).
    public var size: UInt64 = 0
    /// The modification time in nanoseconds since the Unix epoch (field 3).
    public var modifiedAtNanoseconds: Int64 = 0
    /// The inode number (field 4).
    public var inode: UInt64 = 0
    /// The device number (field 5).
    public var device: UInt64 = 0
    /// The SHA-256 digest, or empty when only XXH3-128 was computed (field 6).
    public var sha256: [UInt8] = []
    /// The XXH3-128 canonical bytes (field 7).
    public var xxh3: [UInt8] = []
    /// When the digests were computed (field 8).
    public var hashedAt: Int64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

    public func encodeFields(into writer: inout ProtoWriter) {
        writer.write(1, string: path)
        writer.write(2, uint64: size)
        writer.write(3, sint64: modifiedAtNanoseconds)
        writer.write(4, uint64: inode)
        writer.write(5, uint64: device)
        writer.write(6, bytes: sha256)
        writer.write(7, bytes: xxh3)
        writer.write(8, sfixed64: hashedAt)
    }

    public mutating func decodeField(_ field: ProtoReader.Field, context: String) throws(FormatError) -> Bool {
        switch field.number {
        case 1: path = try field.string(context)
        case 2: size = try field.uint64(context)
        case 3: modifiedAtNanoseconds = try field.sint64(context)
        case 4: inode = try field.uint64(context)
        case 5: device = try field.uint64(context)
        case 6: sha256 = try field.bytes(context)
        case 7: xxh3 = try field.bytes(context)
        case 8: hashedAt = try field.sfixed64(context)
        default: return false
        }
        return true
    }

    public var primaryKey: [TupleElement] { [.hashed(path)] }
}
