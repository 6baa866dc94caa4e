import Foundation
import LineageStore

/// A write offered alike by the HTTP API and the CLI: decoded from the same JSON (the seeds' field names),
/// run in one transaction through the store's group-commit writer, and answered with the same JSON.
public protocol StoreOperation: Decodable, Sendable {
    /// What the operation answers: the members of its `{"success": true, …}` reply.
    associatedtype Outcome: Encodable & Sendable
    /// Runs the operation in `context`; when it throws, nothing it did is kept.
    func run(in context: WriteContext) throws -> Outcome
}

extension StoreOperation {
    /// Decodes an operation from a JSON request body; an empty body is `{}`.
    /// - Throws: ``OperationInputError`` naming the field.
    public static func decode(json bytes: [UInt8]) throws(OperationInputError) -> Self {
        try RequestJSON.decode(Self.self, from: bytes)
    }
}

/// Request bodies decoded into their Swift types, with errors that name the field.
enum RequestJSON {
    /// `bytes` decoded as `T`; an empty body decodes as `{}`, so requests whose fields are all optional need
    /// no body.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(OperationInputError) -> T {
        var bytes = bytes
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { bytes = Array("{}".utf8) }
        let decoder = JSONDecoder()
        decoder.userInfo[JSONText.requestBodyKey] = bytes
        do {
            return try decoder.decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw OperationInputError(message: OperationInputError.describe(error))
        } catch let error as OperationInputError {
            throw error
        } catch {
            throw OperationInputError(message: "\(error)")
        }
    }
}

/// The JSON a ``StoreOperation`` answers with, the same over HTTP and from the CLI.
public enum OperationReply {
    /// `{"success": true, …}` with the members of `outcome`'s JSON object, keys sorted.
    public static func json(_ outcome: some Encodable) throws -> Data { try JSONReply.body(outcome) }
}

/// One named member of an operation's reply (`{"job": …}`).
public struct Member<Value: Encodable & Sendable>: Encodable, Sendable {
    /// The member's name.
    public let name: String
    /// Its value.
    public let value: Value

    /// The member `name: value`.
    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }

    public func encode(to encoder: any Encoder) throws {
        try Members(members: [(name, value)]).encode(to: encoder)
    }
}

/// Request JSON that does not describe the operation, naming the field.
public struct OperationInputError: Error, CustomStringConvertible {
    /// What is wrong, naming the field (`pages[2].url`).
    public var message: String

    public var description: String { message }

    /// A decoding failure as a sentence naming the field.
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
