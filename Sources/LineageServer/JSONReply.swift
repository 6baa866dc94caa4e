import Foundation
import Hummingbird
import LineageFormat
import NIOCore

/// The API's JSON responses: `{"success": true, …}` with the members of a result type's JSON object.
enum JSONReply {
    /// `payload`'s JSON object with `"success": true` in front, as a response with `status`.
    static func success(_ payload: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(status: status, body: try body(payload))
    }

    /// `{"success":true,…}` with the members of `payload`'s JSON object.
    static func body(_ payload: some Encodable) throws -> Data {
        let object = try JSONValue(encoding: payload).jsonBytes
        var body = Data(#"{"success":true"#.utf8)
        if object.count > 2, object.first == UInt8(ascii: "{") {
            body.append(UInt8(ascii: ","))
            body.append(contentsOf: object.dropFirst())
        } else {
            body.append(UInt8(ascii: "}"))
        }
        return body
    }

    /// `{"success": true, name: value, …}` for the given members, in order.
    static func success(status: HTTPResponse.Status = .ok, _ members: KeyValuePairs<String, any Encodable>)
        throws -> Response
    {
        try success(Members(members: Array(members)), status: status)
    }

    /// A JSON response holding `body`.
    static func response(status: HTTPResponse.Status, body: Data) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// `value` as JSON (an encoding failure, which only a bug causes, becomes an error body).
    static func encode(_ value: some Encodable) -> Data {
        (try? Data(JSONValue(encoding: value).jsonBytes))
            ?? Data(#"{"success":false,"error":{"code":"internal","message":"encoding"}}"#.utf8)
    }
}

/// A JSON object with members in a given order.
struct Members: Encodable {
    var members: [(String, any Encodable)]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, value) in members { try container.encode(value, forKey: Key(stringValue: name)) }
    }
}
