import LMDB
import TestSupport
import Testing

@Suite struct ScanTests {
    static func collect(_ env: Environment, _ db: Database, _ range: KeyRange, _ direction: ScanDirection) throws
        -> [[UInt8]]
    {
        try env.read { txn in
            var keys: [[UInt8]] = []
            try txn.scan(db, range: range, direction: direction) { key, _ in
                keys.append(Array(key))
                return true
            }
            return keys
        }
    }

    @Test func rangesAndPrefixesMatchAReferenceModelInBothDirections() throws {
        let directory = try TemporaryDirectory()
        let env = try Environment.open(EnvironmentOptions(path: directory.path("scan.lineage")))
        let db = try env.openDatabase("index")
        var generator = SeededGenerator()
        let seed = generator.seed
        let alphabet: [UInt8] = [0x00, 0x01, 0x7F, 0xFE, 0xFF]
        func randomKey() -> [UInt8] {
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
        }
        var model = Set<[UInt8]>()
        for _ in 0..<300 { model.insert(randomKey()) }
        try env.write { txn in for key in model { try txn.put(key, forKey: key, in: db) } }
        let sorted = model.sorted { $0.lexicographicallyPrecedes($1) }
        func below(_ a: [UInt8], _ b: [UInt8]) -> Bool { a.lexicographicallyPrecedes(b) }
        for caseIndex in 0..<1000 {
            let a = randomKey()
            let b = randomKey()
            let bounds: [KeyRange.Bound?] = [nil, .inclusive(a), .exclusive(a)]
            let uppers: [KeyRange.Bound?] = [nil, .inclusive(b), .exclusive(b)]
            let range = KeyRange(
                lower: bounds.randomElement(using: &generator)!, upper: uppers.randomElement(using: &generator)!)
            let expected = sorted.filter { key in
                let aboveLower: Bool =
                    switch range.lower {
                    case nil: true
                    case .inclusive(let low): !below(key, low)
                    case .exclusive(let low): below(low, key)
                    }
                let belowUpper: Bool =
                    switch range.upper {
                    case nil: true
                    case .inclusive(let high): !below(high, key)
                    case .exclusive(let high): below(key, high)
                    }
                return aboveLower && belowUpper
            }
            #expect(try Self.collect(env, db, range, .forward) == expected, "seed \(seed), case \(caseIndex), \(range)")
            #expect(
                try Self.collect(env, db, range, .backward) == expected.reversed(),
                "seed \(seed), case \(caseIndex), \(range)")
            let prefix = Array(a.prefix(2))
            let withPrefix = sorted.filter { $0.starts(with: prefix) }
            #expect(
                try Self.collect(env, db, .prefix(prefix), .forward) == withPrefix, "seed \(seed), prefix \(prefix)")
            #expect(try Self.collect(env, db, .prefix(prefix), .backward) == withPrefix.reversed(), "seed \(seed)")
            #expect(try env.read { try $0.count(db, range: .prefix(prefix)) } == withPrefix.count)
        }
    }

    @Test func scanStopsWhenTheBodySaysSoAndCursorsDelete() throws {
        let directory = try TemporaryDirectory()
        let env = try Environment.open(EnvironmentOptions(path: directory.path("scan.lineage")))
        let db = try env.openDatabase("events")
        try env.write { txn in for index: UInt8 in 1...10 { try txn.put([index], forKey: [index], in: db) } }
        var visited = 0
        try env.read { txn in
            try txn.scan(db) { _, _ in
                visited += 1
                return visited < 3
            }
        }
        #expect(visited == 3)
        try env.write { txn in
            try txn.withCursor(db) { cursor in
                _ = try cursor.seek(atLeast: [5])
                try cursor.deleteCurrent()
            }
        }
        #expect(try Self.collect(env, db, .all, .forward).map { $0[0] } == [1, 2, 3, 4, 6, 7, 8, 9, 10])
        #expect {
            try env.read { txn in try txn.withCursor(db) { cursor in try cursor.deleteCurrent() } }
        } throws: { ($0 as? LMDBError)?.code == .readOnly }
    }
}
