import LMDB
import LineageFormat

extension LineageStore {
    /// Checks the whole file in one snapshot: first every B-tree page (``checkPages(limit:)``; a file with
    /// damaged pages is reported by page and read no further), then every record's checksum and decoding, its
    /// invariants (identities, fields in range, the type's own rules) and that the records it names exist, that its key is the key
    /// its fields give, that it has every index entry it should, and that every index entry points to a
    /// record that contains it.
    ///
    /// - Parameter progress: called every 10,000 entries with the entries checked and the total.
    /// - Returns: a report listing each problem precisely; a clean file has none.
    /// - Complexity: O(records × indexes + index entries) lookups.
    public func verify(progress: ((Int, Int) -> Void)? = nil) throws -> VerifyReport {
        let pages = try checkPages()
        guard pages.isClean else {
            var report = VerifyReport()
            report.problems = pages.problems.map {
                VerifyReport.Problem(database: $0.database, key: "page \($0.page)", message: $0.message)
            }
            return report
        }
        return try read { snapshot in
            let verifier = Verifier(snapshot: snapshot, progress: progress)
            try verifier.run()
            return verifier.report
        }
    }
}

/// Walks a snapshot for ``LineageStore/verify()``.
private final class Verifier {
    let snapshot: Snapshot
    var report = VerifyReport()
    let progress: ((Int, Int) -> Void)?
    private var total = 0

    init(snapshot: Snapshot, progress: ((Int, Int) -> Void)?) {
        self.snapshot = snapshot
        self.progress = progress
    }

    private func tick() {
        let checked = report.recordsChecked + report.indexEntriesChecked
        if checked % 10_000 == 0 { progress?(checked, total) }
    }

    private var txn: Transaction { snapshot.transaction }
    private var databases: Databases { snapshot.databases }

    func problem(_ database: Database, _ key: some Collection<UInt8>, _ message: String) {
        report.problems.append(
            VerifyReport.Problem(database: database.name, key: TupleCodec.describe(key), message: message))
    }

    func run() throws {
        if progress != nil {
            total = try
                ([databases.records, databases.events, databases.index]
                + [databases.progress, databases.changes].compactMap { $0 })
                .reduce(0) {
                    $0 + (try txn.statistics(of: $1).entries)
                }
        }
        try txn.withValue(in: databases.meta, forKey: LineageStore.formatKey) { bytes in
            guard let bytes else {
                return problem(databases.meta, LineageStore.formatKey, "the format record is missing")
            }
            do { _ = try FormatInfo(record: bytes, context: "format") } catch {
                problem(databases.meta, LineageStore.formatKey, "\(error)")
            }
        }
        for database in [databases.records, databases.events] {
            try txn.scan(database, range: .all) { key, value in
                report.recordsChecked += 1
                tick()
                guard let tuple = try? TupleCodec.decode(key), case .int(let kind)? = tuple.first else {
                    problem(database, key, "the key is not a (kind, id…) tuple")
                    return true
                }
                guard let type = StoredTypes.type(ofKind: kind) else {
                    problem(database, key, "unknown record kind \(kind)")
                    return true
                }
                try checkRecord(type, database, Array(key), value)
                return true
            }
        }
        if let progressDatabase = databases.progress {
            try txn.scan(progressDatabase, range: .all) { key, value in
                report.recordsChecked += 1
                tick()
                checkProgressRecord(progressDatabase, Array(key), value)
                return true
            }
        }
        try checkChangeFeed()
        try txn.scan(databases.index, range: .all) { key, value in
            report.indexEntriesChecked += 1
            tick()
            guard let tuple = try? TupleCodec.decode(key), case .int(let index)? = tuple.first else {
                problem(databases.index, key, "the key is not an (index id, value…) tuple")
                return true
            }
            guard let type = StoredTypes.type(ofIndex: index) else {
                problem(databases.index, key, "unknown index \(index)")
                return true
            }
            try checkEntry(type, index, tuple, Array(key), Array(value))
            return true
        }
        checkStageGraph()
    }

    /// Checks the change feed: every entry is a sound `Change` under its own sequence, the sequences run without
    /// a gap, and every consumer is sound and at most at the last entry.
    private func checkChangeFeed() throws {
        guard let database = databases.changes else { return }
        var expected: UInt64?
        try txn.scan(database, range: .all) { key, value in
            report.recordsChecked += 1
            tick()
            guard let sequence = ChangeFeed.sequence(ofKey: key),
                Array(key) == ChangeRecord.storedKey([.int(Int64(sequence))])
            else {
                problem(database, key, "the key is not a (22, sequence) tuple")
                return true
            }
            if let expected, sequence != expected {
                problem(database, key, "entries \(expected)…\(sequence - 1) are missing from the change feed")
            }
            expected = sequence + 1
            do {
                let entry = try ChangeRecord(record: value, context: "record")
                if entry.sequence != sequence {
                    problem(database, key, "the entry's sequence \(entry.sequence) is not its key's")
                } else if let violation = entry.invariantViolation {
                    problem(database, key, violation)
                }
            } catch {
                problem(database, key, "\(error)")
            }
            return true
        }
        let last = (expected ?? 1) - 1
        let prefix = TupleCodec.encode(ChangeConsumerRecord.keyPrefix())
        try txn.scan(databases.meta, range: .prefix(prefix)) { key, value in
            report.recordsChecked += 1
            do {
                let consumer = try ChangeConsumerRecord(record: value, context: "record")
                if let violation = consumer.invariantViolation {
                    problem(databases.meta, key, violation)
                } else if Array(key) != consumer.storedKey {
                    problem(databases.meta, key, "the consumer's name is not its key's")
                } else if consumer.position > last {
                    problem(
                        databases.meta, key,
                        "consumer \(consumer.name) is at \(consumer.position), beyond the last entry")
                }
            } catch {
                problem(databases.meta, key, "\(error)")
            }
            return true
        }
    }

    /// Reports stage definitions that do not form a DAG (an unknown dependency, a cycle).
    private func checkStageGraph() {
        let definitions: [StageDefinitionRecord]
        do { definitions = try snapshot.records(StageDefinitionRecord.self) } catch { return }
        do { _ = try StageGraph(definitions) } catch {
            problem(
                databases.records, StageDefinitionRecord.storedKey([]),
                (error as? StoreError)?.message ?? "\(error)")
        }
    }

    /// Checks an entry of the `progress` database: a job's progress record, holding the job's id and progress
    /// fields only, whose job exists.
    private func checkProgressRecord(_ database: Database, _ key: [UInt8], _ value: UnsafeRawBufferPointer) {
        guard let tuple = try? TupleCodec.decode(key), tuple.count == 2,
            tuple[0] == .int(Int64(RecordKind.jobProgress.rawValue)), case .string(let id) = tuple[1]
        else {
            return problem(database, key, "the key is not a (21, job id) tuple")
        }
        var progress = JobRecord()
        progress.id = id
        do { try progress.mergeProgress(record: value, context: "record") } catch {
            return problem(database, key, "\(error)")
        }
        let misplaced = ((try? JobRecord.fieldNumbers(inRecord: value, context: "record")) ?? []).filter {
            $0 != 1 && Self.jobFieldNumbers.contains($0) && !JobRecord.progressFieldNumbers.contains($0)
        }
        if let number = misplaced.first {
            problem(database, key, "the progress record holds field \(number), which belongs in the job record")
        }
        if (try? txn.value(in: databases.records, forKey: JobRecord.storedKey([.string(id)]))) == nil {
            problem(database, key, "the progress record's job \(id) does not exist")
        }
    }

    /// The numbers of the fields this version knows a job to have.
    private static let jobFieldNumbers = Set(JobRecord.fields.map(\.number))

    private func checkRecord<R: StoredRecord>(
        _ type: R.Type, _ database: Database, _ key: [UInt8], _ value: UnsafeRawBufferPointer
    ) throws {
        guard database == databases[R.database] else {
            return problem(database, key, "a \(R.kind.name) record belongs in database \(R.database.rawValue)")
        }
        var record: R
        do { record = try R(record: value, context: "record") } catch {
            return problem(database, key, "\(error)")
        }
        if R.hasProgressRecord && databases.progress != nil {
            let numbers = (try? R.fieldNumbers(inRecord: value, context: "record")) ?? []
            if let number = numbers.first(where: R.progressFieldNumbers.contains) {
                problem(database, key, "the record holds field \(number), which belongs in its progress record")
            }
            do { record = try snapshot.withProgress(record) } catch {
                return problem(database, key, "\(error)")
            }
        }
        guard record.storedKey == key else {
            return problem(
                database, key, "the record's fields give the key \(TupleCodec.describe(record.storedKey))")
        }
        if let violation = record.invariantViolation { problem(database, key, violation) }
        for reference in record.references where try txn.value(in: databases.records, forKey: reference.key) == nil {
            problem(
                database, key,
                "field \(reference.field) names \(reference.kind.name) \(TupleCodec.describe(reference.key)), "
                    + "which does not exist")
        }
        for index in R.indexes where index.since <= snapshot.formatMinor {
            if let entry = IndexEntry.entry(index, of: record) {
                let stored = try txn.value(in: databases.index, forKey: entry.key)
                if stored == nil {
                    problem(database, key, "index \(index.id) entry \(TupleCodec.describe(entry.key)) is missing")
                } else if stored != entry.value {
                    problem(
                        database, key,
                        "index \(index.id) entry \(TupleCodec.describe(entry.key)) points to "
                            + TupleCodec.describe(stored ?? []))
                }
            }
        }
    }

    private func checkEntry<R: StoredRecord>(
        _ type: R.Type, _ id: Int64, _ tuple: [TupleElement], _ key: [UInt8], _ value: [UInt8]
    ) throws {
        let index = R.indexes.first { $0.id.rawValue == id }!
        guard index.unique || value.isEmpty, let target = IndexEntry.target(index, key: tuple, value: value) else {
            return problem(databases.index, key, "the entry does not have the shape of index \(index.id)")
        }
        let record: R?
        do { record = try snapshot.record(R.self, key: target, in: databases[R.database]) } catch {
            return problem(databases.index, key, "points to a damaged record: \(error)")
        }
        guard let record else {
            return problem(databases.index, key, "points to \(TupleCodec.describe(target)), which does not exist")
        }
        let expected = IndexEntry.entry(index, of: record)
        if expected?.key != key || expected?.value != value {
            problem(databases.index, key, "stale: the record \(TupleCodec.describe(target)) no longer has this value")
        }
    }
}
