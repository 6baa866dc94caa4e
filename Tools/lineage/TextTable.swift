/// An aligned text table that fits a terminal: columns are padded to their widest cell, and the widest
/// column is shortened (with `…`) until a row fits `width`.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns aligned to the right (numbers).
    var numeric: Set<Int> = []

    init(_ headers: String..., numeric: Set<Int> = []) {
        self.headers = headers
        self.numeric = numeric
    }

    mutating func add(_ cells: String...) { rows.append(cells) }
    mutating func add(_ cells: [String]) { rows.append(cells) }

    func render(width: Int = 100) -> String {
        guard !rows.isEmpty else { return "(none)\n" }
        var widths = headers.indices.map { column in
            ([headers] + rows).map { $0[column].count }.max() ?? 0
        }
        while widths.reduce(0, +) + 2 * (widths.count - 1) > width,
            let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
            widths[widest] > 8
        {
            widths[widest] -= 1
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                var text = cell
                if text.count > widths[column] { text = String(text.prefix(widths[column] - 1)) + "…" }
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return numeric.contains(column) ? padding + text : text + padding
            }
            .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
