import Foundation
import LineageStore

extension ImportStatistics {
    /// The statistics for people: counts, rows, success rate, and the tables fed.
    var text: String {
        var text =
            "imports in the last \(days) days: \(totalImports) (\(successfulImports) success, "
            + "\(failedImports) failed, \(partialImports) partial, \(inProgressImports) in progress, "
            + "\(rolledBackImports) rolled back)\n"
        text +=
            "rows: \(totalRowsProcessed) processed, \(totalRowsInserted) inserted, \(totalRowsSkipped) skipped, "
            + "\(totalDuplicatesFound) duplicates\n"
        text += String(
            format: "success rate %.0f%%, average duration %@\n\n", successRate * 100,
            Human.duration(averageDurationSeconds))
        var tables = TextTable("TABLE", "IMPORTS", "ROWS INSERTED", numeric: [1, 2])
        for entry in byTable {
            tables.add(entry.tableName, String(entry.imports), String(entry.rowsInserted))
        }
        return text + tables.render()
    }
}
