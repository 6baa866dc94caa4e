extension JSONScanner {
    /// The one JSON value `bytes` holds (whitespace around it allowed), every object member kept in order —
    /// none merged, not even keys equal as Unicode text — and numbers read exactly: integers as `Int64` (or
    /// `UInt64` above it), every other number as the `Double` nearest its text.
    ///
    /// One pass; nesting deeper than ``maxDepth`` is refused before it can exhaust the stack.
    /// - Throws: ``Failure`` naming the position of the first problem.
    package static func value(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var scanner = JSONScanner(buffer)
            let value = try scanner.value(depth: 0)
            try scanner.end()
            return value
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        let kind = nextKind()
        if depth >= Self.maxDepth && (kind == .object || kind == .array) {
            throw failure("nesting deeper than \(Self.maxDepth) levels")
        }
        switch kind {
        case .object?:
            _ = beginObject()
            var members: [(key: String, value: JSONValue)] = []
            var first = true
            while let key = try nextKey(first: &first) { members.append((key, try value(depth: depth + 1))) }
            return .object(JSONObject(members))
        case .array?:
            _ = beginArray()
            var elements: [JSONValue] = []
            var first = true
            while try nextElement(first: &first) { elements.append(try value(depth: depth + 1)) }
            return .array(elements)
        case .string?: return .string(try string())
        case .boolean?: return .bool(try boolean())
        case .null?:
            guard null() else { throw failure("null expected") }
            return .null
        case .number?:
            let number = try number()
            if let integer = number.int64, number.isInteger { return .integer(integer) }
            if let integer = number.uint64, number.isInteger { return .unsigned(integer) }
            return .double(Double(String(decoding: number.text, as: UTF8.self)) ?? .nan)
        case nil: throw failure("a value expected")
        }
    }
}
