import Foundation
import LineageFormat

extension LineageStore {
    /// The kinds ``export(kinds:to:)`` writes, in the order it writes them.
    public static var exportKinds: [String] {
        StoredTypes.all.filter { !isLocalCache($0.kind) }.map { $0.kind.name }
    }

    /// Whether records of `kind` describe this machine only (the stat cache of paths, sizes and inodes): they
    /// are neither exported nor loaded, since they would vouch for files elsewhere.
    static func isLocalCache(_ kind: RecordKind) -> Bool { kind == .statCache }

    /// Writes every record (of `kinds`, or all) as JSON lines — one object per record with its fields in
    /// snake_case and a `"kind"` — in kind then key order, from one consistent snapshot. Loading the output
    /// into an empty database with ``load(jsonLines:)`` reproduces it, and exporting that gives the same bytes.
    ///
    /// - Parameter write: receives each line, without its newline.
    /// - Returns: how many records were written.
    /// - Throws: `.invalidInput` for an unknown kind name; `.damagedFile`, before writing anything, when a page
    ///   of the file is damaged (``checkPages(limit:)``), so an export never silently skips records.
    @discardableResult
    public func export(kinds: [String]? = nil, to write: (String) -> Void) throws -> Int {
        let chosen = try (kinds ?? Self.exportKinds).map { name in
            guard let type = StoredTypes.type(named: name) else {
                throw StoreError(
                    .invalidInput, "unknown kind \(name); kinds are \(Self.exportKinds.joined(separator: ", "))")
            }
            return type
        }
        try requireSoundPages(before: "the export")
        return try read { snapshot in
            var count = 0
            for type in StoredTypes.all where chosen.contains(where: { $0.kind == type.kind }) {
                count += try snapshot.exportLines(type, to: write)
            }
            return count
        }
    }

    /// Loads JSON lines written by ``export(kinds:to:)``: every line is checked first, then all records are
    /// stored with their index entries in one transaction, so a bad line changes nothing.
    ///
    /// - Parameter jsonLines: the lines (blank ones are skipped), with their 1-based line numbers.
    /// - Returns: how many records were loaded.
    /// - Throws: `.invalidInput` naming the line for malformed JSON, an unknown kind or field, a wrong type, a
    ///   record that breaks its invariants, or one that names a record neither in the lines nor stored;
    ///   `.duplicate` if a record clashes with a stored one on a unique index.
    @discardableResult
    public func load(jsonLines: [(number: Int, bytes: [UInt8])]) throws -> Int {
        var records: [(number: Int, record: any StoredRecord)] = []
        records.reserveCapacity(jsonLines.count)
        for (number, bytes) in jsonLines {
            if let record = try Self.parseLoadLine(bytes, number: number) { records.append((number, record)) }
        }
        try requireReferences(of: records)
        try requireStageGraph(with: records.compactMap { $0.record as? StageDefinitionRecord })
        let loaded = records.count
        let windows = records.compactMap { line in (line.record as? ReporterWindowRecord).map { (line.number, $0) } }
        records.removeAll { $0.record is ReporterWindowRecord }
        try write { context in
            var jobs = Self.jobsReceiving(windows, from: &records)
            for (number, window) in windows {
                let key = JobRecord.storedKey([.string(window.jobID)])
                if jobs[key] == nil {
                    guard let stored = try context.fetch(JobRecord.self, [.string(window.jobID)]) else {
                        throw StoreError(.invalidInput, "line \(number): no job \(window.jobID) for this window")
                    }
                    jobs[key] = (number, stored)
                }
                try Self.add(window, to: &jobs[key]!.job, line: number)
            }
            for (_, record) in records { try context.saveAny(record) }
            for (_, job) in jobs.values { try context.save(job) }
        }
        return loaded
    }

    /// Takes out of `records` the jobs that `windows` (lines of a 1.8 export, whose windows were records of
    /// their own) belong to, by stored key, so the windows join them before they are stored.
    private static func jobsReceiving(
        _ windows: [(number: Int, window: ReporterWindowRecord)],
        from records: inout [(number: Int, record: any StoredRecord)]
    ) -> [[UInt8]: (number: Int, job: JobRecord)] {
        let keys = Set(windows.map { JobRecord.storedKey([.string($0.window.jobID)]) })
        var jobs: [[UInt8]: (number: Int, job: JobRecord)] = [:]
        records.removeAll { line in
            guard let job = line.record as? JobRecord, keys.contains(job.storedKey) else { return false }
            jobs[job.storedKey] = (line.number, job)
            return true
        }
        return jobs
    }

    /// Adds a window read from line `line` to its job.
    /// - Throws: `.invalidInput` when the job already has a window for the reporter.
    private static func add(_ window: ReporterWindowRecord, to job: inout JobRecord, line: Int) throws {
        if job.reporterWindows.contains(where: { ExactString($0.reporter) == ExactString(window.reporter) }) {
            throw StoreError(
                .invalidInput, "line \(line): job \(job.id) already has a window for reporter \(window.reporter)")
        }
        job.keepWindows(job.reporterWindows + [window])
    }
}

extension LineageStore {
    /// The record on one line of an export, checked: its kind, fields and types, and the record's invariants;
    /// `nil` for a blank line or a record of a local cache (``isLocalCache(_:)``), which is ignored.
    /// - Throws: `.invalidInput` naming line `number` and, where it can, the kind, key and field.
    package static func parseLoadLine(_ bytes: [UInt8], number: Int) throws -> (any StoredRecord)? {
        guard bytes.contains(where: { $0 != 32 && $0 != 9 && $0 != 13 }) else { return nil }
        guard var members = try? JSONScanner.members(bytes) else {
            throw StoreError(.invalidInput, "line \(number): not a JSON object (or not UTF-8)")
        }
        guard let kind = members.lastIndex(where: { $0.key == "kind" }),
            let name = try? JSONScanner.foundationValue(Array(members[kind].value.utf8)) as? String
        else {
            throw StoreError(.invalidInput, "line \(number): no \"kind\"")
        }
        members.removeAll { $0.key == "kind" }
        guard let type = StoredTypes.type(named: name) else {
            throw StoreError(.invalidInput, "line \(number): unknown kind \(name)")
        }
        if isLocalCache(type.kind) { return nil }
        let record: any StoredRecord
        do { record = try type.init(jsonMembers: members, context: "line \(number)") } catch {
            throw StoreError(.invalidInput, error.message)
        }
        if let violation = record.invariantViolation {
            throw StoreError(
                .invalidInput, "line \(number): \(name) \(TupleCodec.describe(record.storedKey)): \(violation)")
        }
        return record
    }

    /// Throws `.invalidInput` naming the first record that names one neither among `records` nor stored.
    private func requireReferences(of records: [(number: Int, record: any StoredRecord)]) throws {
        let loaded = Set(records.map(\.record.storedKey))
        try read { snapshot in
            for (number, record) in records {
                for reference in record.references where !loaded.contains(reference.key) {
                    guard try snapshot.transaction.value(in: databases.records, forKey: reference.key) == nil
                    else { continue }
                    throw StoreError(
                        .invalidInput,
                        "line \(number): \(type(of: record).kind.name) \(TupleCodec.describe(record.storedKey)): "
                            + "\(reference.field): names \(reference.kind.name) \(TupleCodec.describe(reference.key)), "
                            + "which is neither in the file nor in the database")
                }
            }
        }
    }

    /// Throws `.invalidInput` when the stage definitions stored and `loaded` (which replace stored ones of their
    /// name) do not form a DAG: a dependency on an unknown stage, or a cycle.
    private func requireStageGraph(with loaded: [StageDefinitionRecord]) throws {
        guard !loaded.isEmpty else { return }
        let names = Set(loaded.map { ExactString($0.name) })
        let stored = try read { try $0.records(StageDefinitionRecord.self) }
        do { _ = try StageGraph(stored.filter { !names.contains(ExactString($0.name)) } + loaded) } catch {
            throw StoreError(
                .invalidInput, "the stage definitions loaded: \((error as? StoreError)?.message ?? "\(error)")")
        }
    }

    /// The longest line ``load(jsonLinesFrom:progress:)`` accepts.
    public static let maxLoadLineBytes = 64 << 20

    /// Reads JSON lines written by ``export(kinds:to:)`` from `handle` and loads them with
    /// ``load(jsonLines:)``: a bad line loads nothing.
    /// - Parameter progress: called every 10,000 lines with the bytes read so far.
    /// - Throws: `.invalidInput` naming the line (malformed, or over ``maxLoadLineBytes``); `.io` when the input
    ///   cannot be read; as ``load(jsonLines:)``.
    @discardableResult
    public func load(jsonLinesFrom handle: FileHandle, progress: ((Int) -> Void)? = nil) throws -> Int {
        var lines: [(number: Int, bytes: [UInt8])] = []
        var reader = LineReader(handle, limit: Self.maxLoadLineBytes)
        var number = 0
        while true {
            let line: LineReader.Line?
            do { line = try reader.next() } catch {
                throw StoreError(.io, "reading the input after line \(number): \(error.localizedDescription)")
            }
            guard let line else { break }
            number += 1
            if number % 10_000 == 0 { progress?(reader.bytesRead) }
            switch line {
            case .text(let bytes): lines.append((number, bytes))
            case .tooLong(let length):
                throw StoreError(
                    .invalidInput, "line \(number) is \(length) bytes; the limit is \(Self.maxLoadLineBytes >> 20) MiB")
            }
        }
        return try load(jsonLines: lines)
    }
}

extension Snapshot {
    /// Writes each record of `type` as one JSON line with its kind.
    fileprivate func exportLines<R: StoredRecord & FieldTableRecord>(_ type: R.Type, to write: (String) -> Void)
        throws -> Int
    {
        var count = 0
        let database = databases[R.database]
        try transaction.scan(database, range: .prefix(TupleCodec.encode(R.keyPrefix()))) { key, value in
            let record = try decode(R.self, value, key: key, in: database)
            write(record.exactJSONText(adding: ["kind": "\"\(R.kind.name)\""]))
            count += 1
            return true
        }
        return count
    }
}

extension WriteContext {
    /// ``save(_:)`` for a record whose type is known only at run time.
    fileprivate func saveAny<R: StoredRecord>(_ record: R) throws { try save(record) }
}
