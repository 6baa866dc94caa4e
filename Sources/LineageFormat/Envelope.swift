/// The 14-byte header in front of every stored record body.
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 1 | format major version |
/// | 1 | 1 | flags (none defined in v1; must be 0) |
/// | 2 | 2 | record kind, big-endian |
/// | 4 | 2 | schema version of the kind, big-endian |
/// | 6 | 8 | XXH3-64 (seed 0) of the body, big-endian |
package struct Envelope: Sendable, Equatable {
    /// The header size in bytes.
    package static let size = 14
    /// Zero bytes standing for the header until ``seal(_:kind:schemaVersion:)`` fills it in.
    static let placeholder = [UInt8](repeating: 0, count: size)

    /// The format major version that wrote the record.
    package var formatVersion: UInt8
    /// Flag bits; v1 defines none.
    package var flags: UInt8
    /// The record kind's number.
    package var kind: UInt16
    /// The schema version of the kind.
    package var schemaVersion: UInt16
    /// The XXH3-64 checksum of the body.
    package var checksum: UInt64

    /// Returns header + body for a body of `kind`.
    package static func seal(kind: RecordKind, schemaVersion: UInt16, body: [UInt8]) -> [UInt8] {
        var writer = ProtoWriter(capacity: size + body.count)
        writer.appendRaw(placeholder)
        writer.appendRaw(body)
        seal(&writer, kind: kind, schemaVersion: schemaVersion)
        return writer.bytes
    }

    /// Fills in the header of a record written in place: `writer` holds ``size`` placeholder bytes followed
    /// by the body, so the body is never copied.
    static func seal(_ writer: inout ProtoWriter, kind: RecordKind, schemaVersion: UInt16) {
        let checksum = writer.bytes.withUnsafeBytes { XXH3.hash64(UnsafeRawBufferPointer(rebasing: $0[size...])) }
        var header: [UInt8] = [
            FormatVersion.major, 0, UInt8(kind.rawValue >> 8), UInt8(kind.rawValue & 0xFF),
            UInt8(schemaVersion >> 8), UInt8(schemaVersion & 0xFF),
        ]
        for index in 0..<8 { header.append(UInt8(truncatingIfNeeded: checksum >> (56 - 8 * UInt64(index)))) }
        writer.overwrite(at: 0, with: header)
    }

    /// Parses and checks the header of `record` and returns it with the body.
    ///
    /// - Throws: ``FormatError`` — `truncated`, `unsupportedFormatVersion`, `unknownFlags`, or
    ///   `checksumMismatch` when the body is damaged. `context` names the record in the message.
    package static func open(_ record: UnsafeRawBufferPointer, context: String) throws(FormatError)
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
