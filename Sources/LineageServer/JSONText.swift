import Foundation
import LineageFormat

/// A request field that holds any JSON document (`metadata`, `mapping_config`), kept as its JSON text for
/// the store, which stores such documents as received.
public struct JSONText: Decodable, Sendable {
    /// The document's JSON text.
    public var text: String

    /// A document given as text (a command-line argument); the store checks that it is JSON.
    public init(_ text: String) { self.text = text }

    public init(from decoder: any Decoder) throws {
        text = try JSONValue(from: decoder).jsonText()
    }
}
