import LineageFormat

/// `value` as JSON, written as every answer of the store is (``JSONValue/write(to:pretty:)``): keys sorted by
/// their bytes, none merged, slashes unescaped; one line unless `pretty`.
func encodedJSON(_ value: some Encodable, pretty: Bool = false) throws -> String {
    try JSONValue(encoding: value).jsonText(pretty: pretty)
}
