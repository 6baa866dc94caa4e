import Foundation

/// A JSON value as the store answers it: objects keep every member, with keys compared by their bytes
/// (``JSONObject``), and are written by the store's own writer (``write(to:pretty:)``); any `Encodable` value
/// becomes one through ``init(encoding:)``.
public enum JSONValue: Sendable, Equatable, Encodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value of a Foundation JSON object (as `JSONSerialization` reads or writes it); anything else is
    /// `null`.
    public init(_ value: Any) {
        switch value {
        case is NSNull: self = .null
        case let text as String: self = .string(text)
        case let array as [Any]: self = .array(array.map(JSONValue.init))
        case let object as [String: Any]: self = .object(JSONObject(object.map { ($0.key, JSONValue($0.value)) }))
        case let number as NSNumber:
            if JSONNumbers.isBoolean(number) {
                self = .bool(number.boolValue)
            } else if let exact = JSONNumbers.uint64(number), exact > UInt64(Int64.max) {
                self = .unsigned(exact)
            } else if let exact = JSONNumbers.int64(number) {
                self = .integer(exact)
            } else {
                self = .double(number.doubleValue)
            }
        default: self = .null
        }
    }

    /// The value as the Foundation objects `JSONSerialization` uses. A Foundation dictionary merges keys equal
    /// as Unicode text (the later member wins), so answers are written from the ``JSONValue`` itself.
    public var foundationObject: Any {
        switch self {
        case .null: NSNull()
        case .bool(let value): NSNumber(value: value)
        case .integer(let value): NSNumber(value: value)
        case .unsigned(let value): NSNumber(value: value)
        case .double(let value): NSNumber(value: value)
        case .string(let value): value
        case .array(let values): values.map(\.foundationObject)
        case .object(let object):
            [String: Any](object.map { ($0.key, $0.value.foundationObject) }, uniquingKeysWith: { $1 })
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if case .object(let object) = self {
            var members = encoder.container(keyedBy: MemberKey.self)
            for (key, value) in object { try members.encode(value, forKey: MemberKey(stringValue: key)) }
            return
        }
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .unsigned(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object: break
        }
    }

    /// A member's key, for encoding an object through a keyed container.
    struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
