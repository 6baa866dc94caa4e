/// A JSON object's members in the order they were given, with keys compared by their UTF-8 bytes: the store's
/// identity rule (``ExactString``), so `"caf\u{E9}"` and `"cafe\u{301}"` are two members, as they are two item
/// types in the file. Written with its members sorted by those bytes (``JSONValue/write(to:)``).
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral, Sequence {
    /// The members, in order.
    public private(set) var members: [(key: String, value: JSONValue)]

    /// An object of `members`, kept as given (a key repeated byte for byte is kept twice, as a document
    /// received that way holds it).
    public init(_ members: [(key: String, value: JSONValue)] = []) { self.members = members }

    /// An object of the literal's members, in order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { (key: $0.0, value: $0.1) }
    }

    /// Appends a member, keeping any member with the same key.
    public mutating func append(_ key: String, _ value: JSONValue) { members.append((key, value)) }

    /// This object with `other`'s members set over it (a key of both takes `other`'s value).
    public func merging(_ other: JSONObject) -> JSONObject {
        var merged = self
        for (key, value) in other { merged[key] = value }
        return merged
    }

    /// How many members the object has.
    public var count: Int { members.count }

    /// The value of the member whose key has `key`'s bytes; setting replaces that member's value in place, or
    /// appends a member, and `nil` removes it.
    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key.sameBytes(as: key) }?.value }
        set {
            let index = members.firstIndex { $0.key.sameBytes(as: key) }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// The members sorted by the bytes of their keys (members with the same key keep their order); the
    /// members themselves when they are in that order already, as objects built in order are.
    public var sortedMembers: [(key: String, value: JSONValue)] {
        guard !members.indices.dropFirst().allSatisfy({ !Self.precedes(members[$0].key, members[$0 - 1].key) })
        else { return members }
        return members.enumerated()
            .sorted { left, right in
                Self.precedes(left.element.key, right.element.key)
                    || (!Self.precedes(right.element.key, left.element.key) && left.offset < right.offset)
            }
            .map(\.element)
    }

    /// Whether `left`'s UTF-8 bytes sort before `right`'s.
    private static func precedes(_ left: String, _ right: String) -> Bool { ExactString(left) < ExactString(right) }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { members.makeIterator() }

    /// Objects are equal when they hold the same members, in any order of keys.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        let (left, right) = (lhs.sortedMembers, rhs.sortedMembers)
        return left.count == right.count
            && zip(left, right).allSatisfy { $0.key.sameBytes(as: $1.key) && $0.value == $1.value }
    }
}
