import Foundation
import LMDB
import LineageFormat
import LineageStore
import TestSupport
import Testing

/// A put or a commit that fails as a full or failing disk does (`ENOSPC`, `EIO`, injected at LMDB's shim)
/// changes nothing: the write throws an error that says so, the stored state is exactly as before, the file
/// verifies clean when opened again, and the same write then succeeds.
@Suite struct WriteFaultTests {
    struct Fault: CustomStringConvertible, Sendable {
        let operation: FaultInjection.Operation
        let code: Int32
        var description: String { "\(operation) \(code == ENOSPC ? "ENOSPC" : "EIO")" }
    }

    static let faults = [
        Fault(operation: .put, code: ENOSPC), Fault(operation: .put, code: EIO),
        Fault(operation: .commit, code: ENOSPC), Fault(operation: .commit, code: EIO),
    ]

    static func updates(_ seqs: ClosedRange<UInt64>) -> [ProgressUpdate] {
        seqs.map { seq in
            ProgressUpdate(
                jobID: "job-\(seq % 7)", reporter: "r", seq: seq, processedItems: Int64(seq), itemsByType: ["pages": 1])
        }
    }

    static func exported(_ store: LineageStore) throws -> [String] {
        var lines: [String] = []
        try store.export { lines.append($0) }
        return lines
    }

    static func expectFailure(_ error: any Error, _ fault: Fault) {
        #expect(error is StoreError, "\(fault): the library's typed error")
        let underlying = (error as? StoreError)?.rootCause as? LMDBError
        #expect(underlying?.code == (fault.code == ENOSPC ? .noSpace : .systemError), "\(fault): \(error)")
        #expect(underlying?.returnCode == fault.code, "\(fault): \(error)")
    }

    @Test(arguments: faults)
    func aFailedProgressCommitAppliesNothing(fault: Fault) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("faults.lineage")
        let store = try LineageStore.open(at: path, options: StoreOptions())
        _ = try store.ingest(Self.updates(1...50))
        let before = try Self.exported(store)

        FaultInjection.fail(fault.operation, with: fault.code, in: store.environment)
        do {
            _ = try store.ingest(Self.updates(51...100))
            Issue.record("\(fault): the batch was applied")
        } catch { Self.expectFailure(error, fault) }
        FaultInjection.reset(store.environment)
        #expect(try Self.exported(store) == before, "\(fault) half-applied a batch")

        let summary = try store.ingest(Self.updates(51...100))
        #expect(summary.counts[.applied] == 50, "the batch applies once the disk works again")
        store.close()
        let reopened = try LineageStore.open(at: path, options: StoreOptions())
        defer { reopened.close() }
        #expect(try reopened.verify().isClean)
        #expect(try reopened.job("job-1")?.processedItems == 99)
    }

    @Test(arguments: faults)
    func aFailedLoadLoadsNothing(fault: Fault) throws {
        let source = try TemporaryDirectory()
        let original = try LineageStore.open(at: source.path("source.lineage"), options: StoreOptions())
        _ = try original.ingest(Self.updates(1...200))
        let lines = try Self.exported(original)
        original.close()

        let directory = try TemporaryDirectory()
        let path = directory.path("target.lineage")
        let store = try LineageStore.open(at: path, options: StoreOptions())
        let numbered = lines.enumerated().map { (number: $0.offset + 1, bytes: Array($0.element.utf8)) }
        FaultInjection.fail(fault.operation, with: fault.code, in: store.environment)
        do {
            try store.load(jsonLines: numbered)
            Issue.record("\(fault): the load succeeded")
        } catch { Self.expectFailure(error, fault) }
        FaultInjection.reset(store.environment)
        #expect(try Self.exported(store).isEmpty, "\(fault) left records of a failed load")
        #expect(try store.load(jsonLines: numbered) == lines.count)
        #expect(try Self.exported(store) == lines)
        store.close()
        let reopened = try LineageStore.open(at: path, options: StoreOptions())
        defer { reopened.close() }
        #expect(try reopened.verify().isClean)
    }
}
