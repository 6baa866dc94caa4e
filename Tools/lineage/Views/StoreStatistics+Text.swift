import Foundation
import LineageStore

extension StoreStatistics {
    /// The `lineage stats` screen: file and map use, the change feed, then records per kind and entries per
    /// index.
    var text: String {
        var text = "\(path)  format \(format)  store \(storeID)\n"
        text +=
            "file \(humanBytes(Double(fileBytes))), map \(humanBytes(Double(mapBytes))) "
            + String(format: "(%.0f%% used)", Double(usedBytes) / Double(max(1, mapBytes)) * 100)
            + ", \(freePages) free pages, readers \(readers)/\(maxReaders)\n"
        if let first = changeFeed.firstSequence, let last = changeFeed.lastSequence {
            text += "change feed \(first)…\(last)"
            let consumers = changeFeed.consumers.sorted { $0.key < $1.key }.map { "\($0.key) at \($0.value)" }
            text += consumers.isEmpty ? ", no consumers\n" : ", consumers: \(consumers.joined(separator: ", "))\n"
        } else {
            text += "change feed empty\n"
        }
        text += "\n"
        var kinds = TextTable("KIND", "RECORDS", numeric: [1])
        for (kind, count) in recordsByKind.sorted(by: { $0.key < $1.key }) { kinds.add(kind, String(count)) }
        var indexes = TextTable("INDEX", "ENTRIES", numeric: [1])
        for (index, count) in indexEntriesByIndex.sorted(by: { $0.key < $1.key }) { indexes.add(index, String(count)) }
        return text + kinds.render() + "\n" + indexes.render()
    }
}
