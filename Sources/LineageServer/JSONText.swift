import Foundation
import LineageFormat

/// A request field that holds any JSON document (`metadata`, `mapping_config`), kept as its JSON text for
/// the store, which stores such documents as received.
public struct JSONText: Decodable, Sendable {
    /// The document's JSON text.
    public var text: String

    /// A document given as text (a command-line argument); the store checks that it is JSON.
    public init(_ text: String) { self.text = text }

    /// The document at the decoder's coding path in the request body (``requestBodyKey``), parsed in order
    /// here, so that members `JSONDecoder` would merge — keys equal as Unicode text but spelled differently —
    /// are all kept; the decoded value when the decoder has no request body.
    public init(from decoder: any Decoder) throws {
        if let body = decoder.userInfo[Self.requestBodyKey] as? [UInt8],
            let document = try? JSONScanner.value(body).value(at: decoder.codingPath)
        {
            text = document.jsonText()
        } else {
            text = try JSONValue(from: decoder).jsonText()
        }
    }

    /// Where a request decoder keeps the body's bytes, for the documents it holds (parsed only when a request
    /// has one).
    static let requestBodyKey = CodingUserInfoKey(rawValue: "lineage.requestBody")!
}

extension JSONValue {
    /// The value at `path` (object members by their key's bytes, the last of equal keys as `JSONDecoder`
    /// takes it; array elements by index), or `nil` if there is none.
    func value(at path: [any CodingKey]) -> JSONValue? {
        var value = self
        for key in path {
            switch value {
            case .array(let elements):
                guard let index = key.intValue, elements.indices.contains(index) else { return nil }
                value = elements[index]
            case .object(let object):
                guard let member = object.members.last(where: { $0.key.sameBytes(as: key.stringValue) }) else {
                    return nil
                }
                value = member.value
            default: return nil
            }
        }
        return value
    }
}
