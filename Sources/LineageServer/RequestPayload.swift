import Foundation
import Hummingbird

/// Reading a request's body: its bytes, or a `Decodable` request type, with errors that name the field.
enum RequestPayload {
    /// The body's bytes, up to the context's upload limit (a larger body is a 413).
    static func bytes(of request: Request, context: some RequestContext) async throws -> [UInt8] {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return Array(buffer.readableBytesView)
    }

    /// The body decoded as `T`; an empty body decodes as `{}`, so requests whose fields are all optional need
    /// no body.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext)
        async throws -> T
    {
        var bytes = try await bytes(of: request, context: context)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { bytes = Array("{}".utf8) }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw APIError.badRequest(describe(error))
        }
    }

    /// A decoding failure as a sentence naming the field (`pages[2].url`).
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            var text = ""
            for key in codingPath + (last.map { [$0] } ?? []) {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(path(context.codingPath, key))'"
        case .valueNotFound(let type, let context):
            return "field '\(path(context.codingPath))' is null; expected \(jsonName(of: type))"
        case .typeMismatch(let type, let context):
            return "field '\(path(context.codingPath))' must be \(jsonName(of: type))"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "the body is not a JSON object: \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "field '\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// The JSON kind of a Swift type, for error messages.
    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is UInt64.Type: "an integer"
        case is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: "a JSON object"
        }
    }
}
