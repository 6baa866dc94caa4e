extension JSONValue {
    /// `value`'s JSON form as its `Encodable` conformance writes it, with every object member kept: unlike
    /// `JSONEncoder`, no two keys are merged for being equal as Unicode text (``JSONObject``).
    /// - Throws: whatever `value`'s conformance throws.
    public init(encoding value: some Encodable) throws {
        let root = JSONValueEncoder.Node()
        try JSONValueEncoder(node: root, codingPath: []).encode(value)
        self = root.value
    }
}

/// An `Encoder` that builds a ``JSONValue``: each container fills a node of a tree that becomes the value once
/// encoding ends. A ``JSONValue`` met along the way is taken as it is.
struct JSONValueEncoder: Encoder {
    /// One value being built; a reference, so that a container can fill it after it is handed out.
    final class Node {
        enum Content {
            case unset
            case value(JSONValue)
            case object([(key: String, node: Node)])
            case array([Node])
        }

        var content = Content.unset

        /// The value built (an empty object for a value that encoded nothing, as `JSONEncoder` writes it).
        var value: JSONValue {
            switch content {
            case .unset: .object([:])
            case .value(let value): value
            case .object(let members): .object(JSONObject(members.map { ($0.key, $0.node.value) }))
            case .array(let nodes): .array(nodes.map(\.value))
            }
        }

        /// The node of the member `key` (the same bytes again replace that member's value, as `JSONEncoder`
        /// does), making this node an object.
        func member(_ key: String) -> Node {
            var members: [(key: String, node: Node)] = []
            if case .object(let existing) = content { members = existing }
            let node = Node()
            if let index = members.firstIndex(where: { $0.key.sameBytes(as: key) }) {
                members[index].node = node
            } else {
                members.append((key, node))
            }
            content = .object(members)
            return node
        }

        /// A new last element, making this node an array.
        func element() -> Node {
            var nodes: [Node] = []
            if case .array(let existing) = content { nodes = existing }
            let node = Node()
            nodes.append(node)
            content = .array(nodes)
            return node
        }

        /// How many elements this node has as an array.
        var elementCount: Int {
            if case .array(let nodes) = content { return nodes.count }
            return 0
        }
    }

    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Encodes `value` into this encoder's node.
    func encode(_ value: some Encodable) throws {
        if let primitive = Self.primitive(value) {
            node.content = .value(primitive)
        } else {
            try value.encode(to: self)
        }
    }

    /// The JSON value of a value the format writes as it is: a ``JSONValue``, a string, a Boolean or a number.
    private static func primitive(_ value: Any) -> JSONValue? {
        switch value {
        case let value as JSONValue: value
        case let value as String: .string(value)
        case let value as Bool: .bool(value)
        case let value as Int: .integer(Int64(value))
        case let value as Int64: .integer(value)
        case let value as Int32: .integer(Int64(value))
        case let value as Int16: .integer(Int64(value))
        case let value as Int8: .integer(Int64(value))
        case let value as UInt: unsigned(UInt64(value))
        case let value as UInt64: unsigned(value)
        case let value as UInt32: .integer(Int64(value))
        case let value as UInt16: .integer(Int64(value))
        case let value as UInt8: .integer(Int64(value))
        case let value as Double: .double(value)
        case let value as Float: .double(Double(value))
        default: nil
        }
    }

    private static func unsigned(_ value: UInt64) -> JSONValue {
        value <= UInt64(Int64.max) ? .integer(Int64(value)) : .unsigned(value)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return Unkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(node: node, codingPath: codingPath)
    }

    /// An array index as a coding key, for the coding path.
    private struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "\(intValue!)" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        let codingPath: [any CodingKey]

        private func encoder(for key: any CodingKey) -> JSONValueEncoder {
            JSONValueEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
        }

        mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).content = .value(.null) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder(for: key).encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            encoder(for: key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            encoder(for: key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { encoder(for: JSONValue.MemberKey(stringValue: "super")) }

        mutating func superEncoder(forKey key: Key) -> any Encoder { encoder(for: key) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]
        var count: Int { node.elementCount }

        private func encoder() -> JSONValueEncoder {
            let path = codingPath + [IndexKey(count)]
            return JSONValueEncoder(node: node.element(), codingPath: path)
        }

        mutating func encodeNil() throws { node.element().content = .value(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws { try encoder().encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            encoder().container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { encoder().unkeyedContainer() }

        mutating func superEncoder() -> any Encoder { encoder() }
    }

    private struct Single: SingleValueEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.content = .value(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try JSONValueEncoder(node: node, codingPath: codingPath).encode(value)
        }
    }
}
