extension JobRecord {
    /// The fields merged from progress updates (numbers 18–29: counters, items by type, last-writer-wins
    /// values and their stamps), which the public JSON shows under `progress` instead.
    private static let progressDocumentFields = 18...29
    /// The reporters' windows: the store's own bookkeeping, left out of the public JSON.
    private static let reporterWindowsField = 38

    /// The job as users read it: its snake_case fields, with the merged progress under `progress` in the
    /// crawler payload's camelCase keys (the seed's `progress` document) and without the progress fields'
    /// last-writer-wins stamps. The export keeps every field flat (``exactJSONText(adding:)``).
    package func encodeJSON(to encoder: any Encoder) throws {
        var object = JSONObject()
        for field in Self.fields
        where !Self.progressDocumentFields.contains(field.number) && field.number != Self.reporterWindowsField {
            object.append(field.name, field.jsonValue(self))
        }
        object.append("progress", .object(progressJSON))
        try JSONValue.object(object).encode(to: encoder)
    }

    /// The merged progress as the crawler payload names it (the seed's `progress` document); item types
    /// equal as Unicode text but spelled differently are two members.
    public var progressJSON: JSONObject {
        [  // in the order they are written (by their bytes), so writing them needs no sort
            "currentDataType": .string(currentDataType),
            "itemsByType": .object(JSONObject(itemsByType.map { ($0.key.string, .integer($0.value)) })),
            "lastProcessedId": .string(lastProcessedID), "operationType": .string(operationType),
            "processedItems": .integer(processedItems), "stage": .string(stage), "totalItems": .integer(totalItems),
        ]
    }
}
