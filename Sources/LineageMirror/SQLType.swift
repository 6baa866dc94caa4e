import LineageFormat

/// The SQL types of the mirror's columns, with how a value becomes the text parameter that fills one.
enum SQLType: String, Sendable {
    case text = "TEXT"
    case integer = "INTEGER"
    case bigint = "BIGINT"
    case unsigned = "NUMERIC(20)"
    /// The seeds' `DECIMAL(10, 3)` seconds.
    case seconds = "DECIMAL(10, 3)"
    case double = "DOUBLE PRECISION"
    case boolean = "BOOLEAN"
    case timestamptz = "TIMESTAMPTZ"
    /// The seeds' `TIMESTAMP` columns: the store's UTC time, without a zone.
    case timestamp = "TIMESTAMP"
    case jsonb = "JSONB"
    case textArray = "TEXT[]"

    /// The SQL expression that reads text `expression` (a value as ``text(_:)`` makes it) as this type.
    func reading(_ expression: String) -> String {
        switch self {
        case .text: "(\(expression))"
        case .textArray:
            "CASE WHEN (\(expression)) IS NULL THEN NULL "
                + "ELSE ARRAY(SELECT jsonb_array_elements_text((\(expression))::jsonb)) END"
        default: "(\(expression))::\(rawValue.lowercased())"
        }
    }

    /// The column type of a record field of `form`, for the columns no seed declares.
    init(_ form: JSONForm) {
        switch form {
        case .text, .hex: self = .text
        case .integer: self = .bigint
        case .unsigned: self = .unsigned
        case .double: self = .double
        case .boolean: self = .boolean
        case .timestamp: self = .timestamptz
        case .document, .object, .objects: self = .jsonb
        case .texts: self = .textArray
        }
    }

    /// `value` as the text parameter a column of this type reads, or `nil` for SQL NULL: `null`, no value, and
    /// empty text (the store's "none" for an optional text field) are NULL; JSON and array columns take JSON
    /// text (an array column a JSON array of strings: other elements as their JSON text, a non-array value as
    /// its only element); the others the value itself.
    func text(_ value: JSONValue?) -> String? {
        guard let value, value != .null else { return nil }
        switch (self, value) {
        case (.jsonb, _): return value.jsonText()
        case (.textArray, .array(let elements)):
            return JSONValue.array(elements.map { if case .string = $0 { $0 } else { .string($0.jsonText()) } })
                .jsonText()
        case (.textArray, .string(let text)): return JSONValue.array([.string(text)]).jsonText()
        case (.textArray, _): return JSONValue.array([.string(value.jsonText())]).jsonText()
        case (_, .string(let text)): return text.isEmpty ? nil : text
        case (_, .bool(let flag)): return flag ? "true" : "false"
        case (_, .integer(let number)): return String(number)
        case (_, .unsigned(let number)): return String(number)
        default: return value.jsonText()
        }
    }
}
