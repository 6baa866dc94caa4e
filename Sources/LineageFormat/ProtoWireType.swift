/// The protocol-buffers wire types this format writes (3 and 4, the deprecated groups, are rejected).
package enum ProtoWireType: UInt8, Sendable {
    /// Varint: int64, uint64, sint64 (zigzag), bool, enum.
    case varint = 0
    /// Eight little-endian bytes: fixed64, sfixed64, double.
    case fixed64 = 1
    /// A varint length then that many bytes: string, bytes, nested message, packed repeated.
    case lengthDelimited = 2
    /// Four little-endian bytes: fixed32, float.
    case fixed32 = 5
}
