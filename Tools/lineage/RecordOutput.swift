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

extension JobRecord {
    /// The job as JSON: snake_case fields, with the merged progress under `progress` in the crawler
    /// payload's camelCase keys.
    var json: [String: Any] {
        var object = jsonObject
        let progressKeys = [
            "processed_items", "total_items", "current_data_type", "last_processed_id", "stage", "operation_type",
            "items_by_type", "total_items_stamp", "current_data_type_stamp", "last_processed_id_stamp", "stage_stamp",
            "operation_type_stamp",
        ]
        for key in progressKeys { object[key] = nil }
        object["progress"] =
            [
                "processedItems": processedItems, "totalItems": totalItems, "currentDataType": currentDataType,
                "itemsByType": itemsByType, "lastProcessedId": lastProcessedID, "stage": stage,
                "operationType": operationType,
            ] as [String: Any]
        return object
    }
}
