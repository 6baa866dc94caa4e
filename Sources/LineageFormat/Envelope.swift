/// The 14-byte header in front of every stored record body.
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 1 | format major version |
/// | 1 | 1 | flags (none defined in v1; must be 0) |
/// | 2 | 2 | record kind, big-endian |
/// | 4 | 2 | schema version of the kind, big-endian |
/// | 6 | 8 | XXH3-64 (seed 0) of the body, big-endian |
public struct Envelope: Sendable, Equatable {
    /// The header size in bytes.
    public static let size = 14

    /// The format major version that wrote the record.
    public var formatVersion: UInt8
    /// Flag bits; v1 defines none.
    public var flags: UInt8
    /// The record kind's number.
    public var kind: UInt16
    /// The schema version of the kind.
    public var schemaVersion: UInt16
    /// The XXH3-64 checksum of the body.
    public var checksum: UInt64

    /// Returns header + body for a body of `kind`.
    public static func seal(kind: RecordKind, schemaVersion: UInt16, body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(size + body.count)
        out.append(FormatVersion.major)
        out.append(0)
        out.append(UInt8(kind.rawValue >> 8))
        out.append(UInt8(kind.rawValue & 0xFF))
        out.append(UInt8(schemaVersion >> 8))
        out.append(UInt8(schemaVersion & 0xFF))
        let checksum = XXH3.hash64(body)
        for index in 0..<8 { out.append(UInt8(truncatingIfNeeded: checksum >> (56 - 8 * UInt64(index)))) }
        out.append(contentsOf: body)
        return out
    }

    /// Parses and checks the header of `record` and returns it with the body.
    ///
    /// - Throws: ``FormatError`` — `truncated`, `unsupportedFormatVersion`, `unknownFlags`, or
    ///   `checksumMismatch` when the body is damaged. `context` names the record in the message.
    public static func open(_ record: UnsafeRawBufferPointer, context: String) throws(FormatError)
        -> (envelope: Envelope, body: UnsafeRawBufferPointer)
    {
        guard record.count >= size else {
            throw FormatError(.truncated, "\(context): record of \(record.count) bytes is shorter than its header")
        }
        var checksum: UInt64 = 0
        for index in 6..<14 { checksum = checksum << 8 | UInt64(record[index]) }
        let envelope = Envelope(
            formatVersion: record[0], flags: record[1], kind: UInt16(record[2]) << 8 | UInt16(record[3]),
            schemaVersion: UInt16(record[4]) << 8 | UInt16(record[5]), checksum: checksum)
        guard envelope.formatVersion <= FormatVersion.major, envelope.formatVersion > 0 else {
            throw FormatError(
                .unsupportedFormatVersion,
                "\(context): record written by format version \(envelope.formatVersion); "
                    + "this library reads up to version \(FormatVersion.major)")
        }
        guard envelope.flags == 0 else {
            throw FormatError(
                .unknownFlags, "\(context): envelope flags 0x\(Hex.encode([envelope.flags])) are not defined")
        }
        let body = UnsafeRawBufferPointer(rebasing: record[size...])
        let actual = XXH3.hash64(body)
        guard actual == checksum else {
            throw FormatError(
                .checksumMismatch,
                "\(context): body checksum is \(String(actual, radix: 16)), envelope says \(String(checksum, radix: 16))"
            )
        }
        return (envelope, body)
    }
}
