/// Appends protocol-buffers wire-format fields to a byte buffer.
///
/// Singular scalar fields follow proto3's implicit presence: a field equal to its default (0, `false`,
/// empty) is not written, exactly as `protoc` encodes it, so every value has one canonical encoding.
/// Repeated fields are written element by element with the `repeated` methods.
package struct ProtoWriter: Sendable {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8]

    /// Creates an empty writer.
    package init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends a varint.
    package mutating func appendVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private mutating func tag(_ field: Int, _ type: ProtoWireType) {
        precondition(field > 0 && field < 1 << 29, "protocol-buffers field numbers are 1...2^29-1")
        appendVarint(UInt64(field) << 3 | UInt64(type.rawValue))
    }

    /// Writes a `uint64` field.
    package mutating func write(_ field: Int, uint64 value: UInt64) {
        if value != 0 { writeVarintField(field, value) }
    }

    private mutating func writeVarintField(_ field: Int, _ value: UInt64) {
        tag(field, .varint)
        appendVarint(value)
    }

    /// Writes an `int64` field (two's complement varint; negative values take ten bytes).
    package mutating func write(_ field: Int, int64 value: Int64) {
        write(field, uint64: UInt64(bitPattern: value))
    }

    /// Writes a `sint64` field (zigzag varint: small negative values stay short).
    package mutating func write(_ field: Int, sint64 value: Int64) {
        write(field, uint64: UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Writes a `bool` field.
    package mutating func write(_ field: Int, bool value: Bool) {
        write(field, uint64: value ? 1 : 0)
    }

    /// Writes a `fixed64` field.
    package mutating func write(_ field: Int, fixed64 value: UInt64) {
        guard value != 0 else { return }
        tag(field, .fixed64)
        for index in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
    }

    /// Writes an `sfixed64` field.
    package mutating func write(_ field: Int, sfixed64 value: Int64) {
        write(field, fixed64: UInt64(bitPattern: value))
    }

    /// Writes a `double` field.
    package mutating func write(_ field: Int, double value: Double) {
        guard value.bitPattern != 0 else { return }
        tag(field, .fixed64)
        for index in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value.bitPattern >> (8 * UInt64(index)))) }
    }

    /// Writes a `bytes` field.
    package mutating func write(_ field: Int, bytes value: some Collection<UInt8>) {
        if !value.isEmpty { writeLengthDelimited(field, value) }
    }

    /// Writes the tag and length of a length-delimited field whose `length` payload bytes the caller appends.
    mutating func writeLengthPrefix(_ field: Int, _ length: Int) {
        tag(field, .lengthDelimited)
        appendVarint(UInt64(length))
    }

    private mutating func writeLengthDelimited(_ field: Int, _ value: some Collection<UInt8>) {
        tag(field, .lengthDelimited)
        appendVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// Writes a `string` field as UTF-8.
    package mutating func write(_ field: Int, string value: String) {
        write(field, bytes: value.utf8)
    }

    /// Writes a nested message field whose body `body` writes; written even when empty (message presence).
    package mutating func writeMessage(_ field: Int, _ body: (inout ProtoWriter) -> Void) {
        var nested = ProtoWriter()
        body(&nested)
        writeLengthDelimited(field, nested.bytes)
    }

    /// Writes one element of a `repeated string` field, even when empty.
    package mutating func writeRepeated(_ field: Int, string value: String) {
        writeLengthDelimited(field, value.utf8)
    }

    /// Writes one element of a `repeated bytes` field, even when empty.
    package mutating func writeRepeated(_ field: Int, bytes value: some Collection<UInt8>) {
        writeLengthDelimited(field, value)
    }

    /// Writes a packed `repeated sint64` field (proto3's default for repeated scalars); nothing when empty.
    package mutating func writePacked(_ field: Int, sint64 values: [Int64]) {
        guard !values.isEmpty else { return }
        var packed = ProtoWriter()
        for value in values { packed.appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }
        writeLengthDelimited(field, packed.bytes)
    }

    /// Replaces bytes already written, starting at `offset` (an envelope header written after its body).
    mutating func overwrite(at offset: Int, with replacement: [UInt8]) {
        bytes.replaceSubrange(offset..<offset + replacement.count, with: replacement)
    }

    /// Appends already-encoded fields, such as the unknown fields kept from a decoded record.
    package mutating func appendRaw(_ encoded: [UInt8]) {
        bytes.append(contentsOf: encoded)
    }

    /// Appends already-encoded bytes held elsewhere (a field read by ``ProtoReader``).
    package mutating func appendRaw(_ encoded: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: encoded)
    }
}
