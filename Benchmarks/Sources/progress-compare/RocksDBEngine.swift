import CRocksDB
import Foundation
import LineageStore

/// RocksDB as a RocksDB user would do this job: a dedupe key per (job, reporter, seq) checked with `Get`, a
/// merge operator for the largest processed count and the accumulated counts by item type, `Put` for the
/// last-writer-wins fields and the timeline events, one `WriteBatch` per 1,000 updates, the WAL synced per
/// batch when durable.
func runRocksDB(_ workload: Workload, path: String, durability: Durability) throws -> EngineResult {
    let options = rocksdb_options_create()
    defer { rocksdb_options_destroy(options) }
    rocksdb_options_set_create_if_missing(options, 1)
    rocksdb_options_increase_parallelism(options, 2)
    let merge = rocksdb_mergeoperator_create(
        nil, { _ in }, progressFullMerge, progressPartialMerge,
        { _, value, _ in free(UnsafeMutableRawPointer(mutating: value)) },
        { _ in UnsafeRawPointer(StaticString("lineagestore-progress").utf8Start).assumingMemoryBound(to: CChar.self) })
    rocksdb_options_set_merge_operator(options, merge)  // the options own it from here
    var error: UnsafeMutablePointer<CChar>?
    let db = rocksdb_open(options, path, &error)
    if let error { throw StoreError(.io, "rocksdb_open: \(String(cString: error))") }
    let write = rocksdb_writeoptions_create()
    rocksdb_writeoptions_set_sync(write, durability == .durable ? 1 : 0)
    let read = rocksdb_readoptions_create()
    defer {
        rocksdb_writeoptions_destroy(write)
        rocksdb_readoptions_destroy(read)
    }

    let (seconds, latencies) = try timedChunks(of: workload) { chunk in
        let batch = rocksdb_writebatch_create()
        var seenInBatch = Set<[UInt8]>()
        for update in chunk {
            let dedupe = Array("d/\(update.jobID)/\(update.reporter ?? "")/\(update.seq ?? 0)".utf8)
            var length = 0
            if let found = rocksdb_get(db, read, dedupe, dedupe.count, &length, &error) {
                rocksdb_free(found)
                continue
            }
            guard seenInBatch.insert(dedupe).inserted else { continue }
            rocksdb_writebatch_put(batch, dedupe, dedupe.count, "", 0)
            let (type, delta) = update.itemsByType.first!
            var operand = ProgressOperand(
                processed: update.processedItems ?? 0, delta: delta,
                type: Int64(Workload.itemTypes.firstIndex(of: type.string)!))
            let counts = Array("p/\(update.jobID)".utf8)
            withUnsafeBytes(of: &operand) { raw in
                rocksdb_writebatch_merge(
                    batch, counts, counts.count, raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
            }
            let latest = Array("l/\(update.jobID)".utf8)
            let fields = Array(
                [
                    String(update.totalItems ?? 0), update.currentDataType ?? "", update.lastProcessedID ?? "",
                    update.stage ?? "", update.operationType ?? "", update.status?.rawValue ?? "",
                ].joined(separator: "\u{1F}").utf8)
            rocksdb_writebatch_put(batch, latest, latest.count, fields, fields.count)
            for (index, event) in update.timeline.enumerated() {
                let key = Array("e/\(update.jobID)/\(update.reporter ?? "")/\(update.seq ?? 0)/\(index)".utf8)
                let details = Array(event.details.utf8)
                rocksdb_writebatch_put(batch, key, key.count, details, details.count)
            }
        }
        rocksdb_write(db, write, batch, &error)
        rocksdb_writebatch_destroy(batch)
        if let error { throw StoreError(.io, "rocksdb_write: \(String(cString: error))") }
    }
    rocksdb_close(db)
    let size = directorySize(path)
    try? FileManager.default.removeItem(atPath: path)
    return EngineResult(updates: workload.total, seconds: seconds, latencies: latencies, databaseBytes: size)
}

/// One update's contribution to a job's counts: the processed count it reported, and its delta for one item
/// type (an index into ``Workload/itemTypes``).
struct ProgressOperand {
    var processed: Int64
    var delta: Int64
    var type: Int64
}

/// The merged value: the largest processed count, then the count of each of the 8 item types (Int64s).
private let mergedCount = 1 + Workload.itemTypes.count

/// Applies the operands to the existing value (or zeros): the maximum of the processed counts, the sum of
/// each item type's deltas.
private let progressFullMerge:
    @convention(c) (
        UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Int, UnsafePointer<CChar>?, Int,
        UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int>?, Int32, UnsafeMutablePointer<UInt8>?,
        UnsafeMutablePointer<Int>?
    ) -> UnsafeMutablePointer<CChar>? = {
        _, _, _, existing, existingLength, operands, lengths, count, success, length in
        let size = mergedCount * MemoryLayout<Int64>.size
        let merged = malloc(size)!.bindMemory(to: Int64.self, capacity: mergedCount)
        if let existing, existingLength == size {
            memcpy(merged, existing, size)
        } else {
            memset(merged, 0, size)
        }
        for index in 0..<Int(count) {
            guard let operand = operands?[index], lengths?[index] == MemoryLayout<ProgressOperand>.size else {
                continue
            }
            let value = UnsafeRawPointer(operand).loadUnaligned(as: ProgressOperand.self)
            merged[0] = max(merged[0], value.processed)
            merged[1 + Int(value.type)] += value.delta
        }
        success?.pointee = 1
        length?.pointee = size
        return UnsafeMutableRawPointer(merged).assumingMemoryBound(to: CChar.self)
    }

/// Operands are not combined ahead of the full merge. (The C API copies the returned bytes before it looks at
/// `success`, so an empty value is returned rather than none.)
private let progressPartialMerge:
    @convention(c) (
        UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Int, UnsafePointer<UnsafePointer<CChar>?>?,
        UnsafePointer<Int>?, Int32, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>?
    ) -> UnsafeMutablePointer<CChar>? = { _, _, _, _, _, _, success, length in
        success?.pointee = 0
        length?.pointee = 0
        return malloc(1)?.assumingMemoryBound(to: CChar.self)
    }

/// The bytes of the files under `path`.
func directorySize(_ path: String) -> Int {
    let files = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
    return files.reduce(0) { $0 + fileSize(path + "/" + $1) }
}
