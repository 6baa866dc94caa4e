import Dispatch
import Foundation
import LMDB
import Synchronization

extension LineageStore {
    /// Streams JSON lines of progress updates (the crawler payload, one per line) from `handle` through the
    /// group-commit writer, exactly as `lineage ingest` does: lines are parsed on the calling thread while the
    /// writer commits the previous batches, and memory stays bounded by the writer's queue.
    ///
    /// Blank lines are skipped; a line that does not parse, or is longer than
    /// ``ProgressUpdate/maxJSONBytes``, is reported with its line number and every other line still applies.
    /// - Parameters:
    ///   - source: the stream's name in the summary's invalid lines (a file name, `-` for standard input).
    ///   - batchSize: lines handed to the writer at a time.
    ///   - progress: called after each batch with the bytes read so far.
    ///   - committed: called on the writer's thread each time a batch commits, with the number of input lines
    ///     now committed: every line up to it, since batches commit in order.
    /// - Returns: once every update is committed, the counts per outcome and the invalid lines.
    /// - Throws: ``StoreError`` `.io` when the input cannot be read, or the storage error that stopped the
    ///   writer, naming the first line not committed (and the file system's free space when a write failed
    ///   for lack of it or with `EIO`); what was committed before it stays committed.
    public func ingest(
        jsonLinesFrom handle: FileHandle, named source: String = "-", strict: Bool? = nil, batchSize: Int = 5_000,
        progress: ((Int) -> Void)? = nil, committed: (@Sendable (Int) -> Void)? = nil
    ) throws -> JSONLinesIngestSummary {
        let started = ContinuousClock.now
        guard batchSize > 0 else { throw StoreError(.invalidInput, "batch size must be positive (got \(batchSize))") }
        let writer = try writer()
        let strict = strict ?? options.strictProgress
        let summary = Mutex((JSONLinesIngestSummary(), failure: nil as (any Error)?, failedFromLine: Int.max))
        let inFlight = DispatchGroup()
        var reader = LineReader(handle, limit: ProgressUpdate.maxJSONBytes)
        var lineNumber = 0
        var batch = CheckedUpdates()
        var numbers: [Int] = []
        func submit() throws {
            let checked = batch
            let lines = numbers
            batch = CheckedUpdates()
            numbers = []
            inFlight.enter()
            let outcomes = { @Sendable (result: Result<MergedSubmission, any Error>) in
                summary.withLock { state in
                    switch result {
                    case .success(let merged):
                        for (line, outcome) in zip(lines, checked.outcomes(merging: merged.outcomes)) {
                            state.0.counts[outcome.kind, default: 0] += 1
                            if outcome.kind == .invalid {
                                state.0.invalid.append(.init(source: source, line: line, message: outcome.message))
                            }
                        }
                        if state.failure == nil, let last = lines.last { committed?(last) }
                    case .failure(let error):
                        if state.failure == nil { state.failure = error }
                        state.failedFromLine = min(state.failedFromLine, lines.first ?? .max)
                    }
                }
                inFlight.leave()
            }
            guard !checked.valid.isEmpty else { return outcomes(.success(MergedSubmission(outcomes: []))) }
            do { try writer.submit(checked.valid, strict: strict, completion: outcomes) } catch {
                inFlight.leave()
                throw error
            }
        }
        func nextLine() throws -> LineReader.Line? {
            do { return try reader.next() } catch {
                throw StoreError(.io, "reading \(source) after line \(lineNumber): \(error.localizedDescription)")
            }
        }
        do {
            while let line = try nextLine() {
                lineNumber += 1
                switch line {
                case .text(let bytes):
                    if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                    batch.append(parsing: bytes)
                case .tooLong(let length):
                    batch.appendInvalid(ProgressUpdate.oversized(length))
                }
                numbers.append(lineNumber)
                if numbers.count == batchSize {
                    try submit()
                    progress?(reader.bytesRead)
                }
            }
            if !numbers.isEmpty { try submit() }
        } catch {
            inFlight.wait()
            throw StoreError.wrapping(error, "ingesting into \(path)")
        }
        inFlight.wait()
        progress?(reader.bytesRead)
        return try summary.withLock { state in
            if let failure = state.failure {
                let cause = StoreError.wrapping(failure, "committing")
                throw StoreError(
                    cause.code,
                    "ingesting into \(path)\(fileSystemSpace(cause)); the lines of \(source) before line "
                        + "\(state.failedFromLine) are committed, and ingesting it again applies the rest exactly "
                        + "once: \(cause.message)",
                    underlying: cause)
            }
            var result = state.0
            let elapsed = ContinuousClock.now - started
            result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            result.invalid.sort { $0.line < $1.line }
            return result
        }
    }
}

extension LineageStore {
    /// ` (the file system holding it has N bytes free)` after a write that failed with `ENOSPC` or `EIO` — a
    /// full disk can show up as either — or nothing.
    fileprivate func fileSystemSpace(_ failure: StoreError) -> String {
        guard let lmdb = failure.rootCause as? LMDBError, lmdb.returnCode == ENOSPC || lmdb.returnCode == EIO else {
            return ""
        }
        var space = statvfs()
        guard statvfs(path, &space) == 0 else { return "" }
        return " (the file system holding it has \(UInt64(space.f_bavail) * UInt64(space.f_frsize)) bytes free)"
    }
}

extension LineageStore {
    /// Ingests JSON lines held in memory (one request's body): blank lines are skipped, each other line is
    /// one update, and the summary counts the outcomes and lists the invalid lines by 1-based number.
    /// Suspends until every valid update is committed.
    public func ingest(jsonLines bytes: [UInt8], named source: String, strict: Bool? = nil) async throws
        -> JSONLinesIngestSummary
    {
        let started = ContinuousClock.now
        var numbers: [Int] = []
        var checked = CheckedUpdates()
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .enumerated()
        {
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            guard trimmed.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            numbers.append(index + 1)
            checked.append(parsing: trimmed)
        }
        let outcomes = try await ingest(checked, strict: strict).outcomes
        var summary = JSONLinesIngestSummary()
        for (line, outcome) in zip(numbers, outcomes) {
            summary.counts[outcome.kind, default: 0] += 1
            if outcome.kind == .invalid {
                summary.invalid.append(.init(source: source, line: line, message: outcome.message))
            }
        }
        summary.seconds = (ContinuousClock.now - started) / .seconds(1)
        return summary
    }
}
