import LineageFormat

extension FuzzTarget {
    /// The tuple codec of every key: what decodes is canonical — it encodes back to the very bytes — and
    /// describes without failing.
    public static let tuple = FuzzTarget(name: "fuzz-tuple") { bytes in
        guard let elements = try? TupleCodec.decode(bytes) else { return }
        _ = TupleCodec.describe(bytes)
        precondition(
            TupleCodec.encode(elements) == bytes, "a tuple decoded from non-canonical bytes: \(Hex.encode(bytes))")
    }
}
