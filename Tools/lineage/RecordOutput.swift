import Foundation
import LineageFormat
import LineageStore

/// Prints records as a table, one JSON array, or JSON lines.
struct RecordOutput {
    let format: OutputFormat

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
}

/// Field-by-field text for one record: `name  value` lines in field order, for the fields at `keyPaths` (all
/// fields when `nil`); empty values show as `-`.
func describe<R: FieldTableRecord>(_ record: R, only keyPaths: [PartialKeyPath<R>]? = nil) -> String {
    let members = record.jsonValue(only: keyPaths).members
    let width = members.map(\.key.count).max() ?? 0
    return members.map { name, value in
        let text: String
        switch value {
        case .null: text = "-"
        case .string(let string): text = string.isEmpty ? "-" : string
        case .bool(let value): text = "\(value)"
        case .integer(let value): text = "\(value)"
        case .unsigned(let value): text = "\(value)"
        case .double(let value): text = "\(value)"
        case let value: text = value.jsonText()
        }
        return name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + text
    }
    .joined(separator: "\n") + "\n"
}
