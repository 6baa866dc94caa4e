import Foundation

extension JSONScanner {
    /// The one JSON value `bytes` holds (whitespace around it allowed) as the Foundation values
    /// `JSONSerialization` gives — `[String: Any]`, `[Any]`, `String`, `NSNumber`, `NSNull` — but with numbers
    /// read exactly: integers as `Int64` (or `UInt64` above it), every other number as the `Double` nearest
    /// its text, where `JSONSerialization` on Linux can be one unit off in the last place.
    ///
    /// Read as ``value(_:)`` reads it; keys equal as Unicode text are merged here (the later wins).
    /// - Throws: ``Failure`` naming the position of the first problem.
    package static func foundationValue(_ bytes: [UInt8]) throws(Failure) -> Any {
        try value(bytes).foundationObject
    }

    /// The members of the JSON object `bytes` holds, in their order, each value as its compact text
    /// (``compactValue()``): nothing is merged, not even keys equal as Unicode text.
    /// - Throws: ``Failure`` if `bytes` is not one JSON object.
    package static func members(_ bytes: [UInt8]) throws(Failure) -> [(key: String, value: String)] {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var scanner = JSONScanner(buffer)
            guard scanner.beginObject() else { throw scanner.failure("an object expected") }
            var members: [(key: String, value: String)] = []
            var first = true
            while let key = try scanner.nextKey(first: &first) { members.append((key, try scanner.compactValue())) }
            try scanner.end()
            return members
        }
    }
}
