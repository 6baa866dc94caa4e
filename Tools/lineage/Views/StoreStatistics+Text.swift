import Foundation
import LineageStore

extension StoreStatistics {
    /// The `lineage stats` screen: file and map use, then records per kind and entries per index.
    var text: String {
        var text = "\(path)  format \(format)\n"
        text +=
            "file \(humanBytes(Double(fileBytes))), map \(humanBytes(Double(mapBytes))) "
            + String(format: "(%.0f%% used)", Double(usedBytes) / Double(max(1, mapBytes)) * 100)
            + ", \(freePages) free pages, readers \(readers)/\(maxReaders)\n\n"
        var kinds = TextTable("KIND", "RECORDS", numeric: [1])
        for (kind, count) in recordsByKind.sorted(by: { $0.key < $1.key }) { kinds.add(kind, String(count)) }
        var indexes = TextTable("INDEX", "ENTRIES", numeric: [1])
        for (index, count) in indexEntriesByIndex.sorted(by: { $0.key < $1.key }) { indexes.add(index, String(count)) }
        return text + kinds.render() + "\n" + indexes.render()
    }
}
