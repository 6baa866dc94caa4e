extension JSONValue: Decodable {
    /// Decodes any JSON value; integers stay exact when they fit in `Int64` or `UInt64`. Object keys are as the
    /// decoder gives them (Foundation's merges keys equal as Unicode text; ``JSONScanner/value(_:)`` does not).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(UInt64.self) {
            self = .unsigned(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let values = try? container.decode([JSONValue].self) {
            self = .array(values)
        } else {
            self = .object(JSONObject(try container.decode([String: JSONValue].self).map { ($0.key, $0.value) }))
        }
    }
}
