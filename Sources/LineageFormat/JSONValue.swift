import Foundation

/// A JSON value that a Swift `Encoder` can write: how a record's field table (which speaks Foundation
/// objects, for `JSONSerialization`) reaches `JSONEncoder` without a second declaration of its fields.
public enum JSONValue: Sendable, Equatable, Encodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value of a Foundation JSON object (as `JSONSerialization` reads or writes it); anything else is
    /// `null`.
    public init(_ value: Any) {
        switch value {
        case is NSNull: self = .null
        case let text as String: self = .string(text)
        case let array as [Any]: self = .array(array.map(JSONValue.init))
        case let object as [String: Any]: self = .object(object.mapValues(JSONValue.init))
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

    /// The value as Foundation objects, for `JSONSerialization`.
    public var foundationObject: Any {
        switch self {
        case .null: NSNull()
        case .bool(let value): value
        case .integer(let value): NSNumber(value: value)
        case .unsigned(let value): NSNumber(value: value)
        case .double(let value): NSNumber(value: value)
        case .string(let value): value
        case .array(let values): values.map(\.foundationObject)
        case .object(let values): values.mapValues(\.foundationObject)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .unsigned(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let values): try container.encode(values)
        }
    }
}
