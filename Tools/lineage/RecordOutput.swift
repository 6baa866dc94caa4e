import Foundation
import LineageStore

/// Prints records as a table, one JSON array, or JSON lines.
struct RecordOutput {
    let format: OutputFormat

    /// Prints `objects` (JSON) or `table` (table format).
    func print(_ objects: [[String: Any]], table: @autoclosure () -> TextTable) {
        switch format {
        case .table: Swift.print(table().render(), terminator: "")
        case .jsonl: for object in objects { Swift.print(jsonLine(object)) }
        case .json: Swift.print(jsonDocument(objects))
        }
    }

    /// Prints `values` (JSON: one array, or one line each) or `table` (table format).
    func print<Value: Encodable>(_ values: [Value], table: @autoclosure () -> TextTable) throws {
        switch format {
        case .table: Swift.print(table().render(), terminator: "")
        case .jsonl: for value in values { Swift.print(try encodedJSON(value)) }
        case .json: Swift.print(try encodedJSON(values, pretty: true))
        }
    }

    /// Prints one value (JSON) or its text.
    func printOne<Value: Encodable>(_ value: Value, table: @autoclosure () -> String) throws {
        switch format {
        case .table: Swift.print(table(), terminator: "")
        case .json, .jsonl: Swift.print(try encodedJSON(value))
        }
    }

    /// Prints one object (JSON) or a table.
    func printOne(_ object: [String: Any], table: @autoclosure () -> String) {
        switch format {
        case .table: Swift.print(table(), terminator: "")
        case .json, .jsonl: Swift.print(jsonLine(object))
        }
    }
}

/// Serialises a JSON value, pretty-printed with sorted keys.
func jsonDocument(_ value: Any) -> String {
    let data = try! JSONSerialization.data(
        withJSONObject: value, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes, .fragmentsAllowed])
    return String(decoding: data, as: UTF8.self)
}

/// Field-by-field text for one record: `name: value` lines.
func describe(_ object: [String: Any], order: [String]) -> String {
    let width = order.map(\.count).max() ?? 0
    return order.compactMap { key in
        guard let value = object[key] else { return nil }
        let text: String
        switch value {
        case is NSNull: text = "-"
        case let string as String: text = string.isEmpty ? "-" : string
        case let number as NSNumber: text = "\(number)"
        default: text = jsonLine(["v": value]).dropFirst(5).dropLast().description
        }
        return key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + text
    }
    .joined(separator: "\n") + "\n"
}
