import Foundation

extension TupleElement: CustomStringConvertible {
    /// A readable spelling: strings quoted, bytes as `x'…'`, nested tuples in parentheses.
    public var description: String {
        switch self {
        case .null: "null"
        case .bytes(let bytes): "x'\(Hex.encode(bytes))'"
        case .string(let text): "\"\(text.replacingOccurrences(of: "\0", with: "\\0"))\""
        case .tuple(let elements): "(" + elements.map(\.description).joined(separator: ", ") + ")"
        case .int(let value): "\(value)"
        case .double(let value): "\(value)"
        case .bool(let value): "\(value)"
        case .uuid(let value): value.uuidString.lowercased()
        }
    }
}

extension TupleCodec {
    /// A readable spelling of an encoded key, or its hex if it is not a valid tuple.
    public static func describe(_ key: some Collection<UInt8>) -> String {
        guard let elements = try? decode(key) else { return "x'\(Hex.encode(key))'" }
        return "(" + elements.map(\.description).joined(separator: ", ") + ")"
    }
}
