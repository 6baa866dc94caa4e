import Foundation

/// `value` as JSON from the CLI's one encoder: sorted keys, slashes unescaped; one line unless `pretty`.
func encodedJSON(_ value: some Encodable, pretty: Bool = false) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    if pretty { encoder.outputFormatting.insert(.prettyPrinted) }
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
