#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Walks LMDB's B-trees page by page with bounds-checked reads of its own (`pread`, never the map), so a
/// damaged page is a reported problem instead of a fault inside liblmdb.
///
/// Each page is checked against what its parent says it is: its own page number, its kind (branch, leaf,
/// overflow) and depth, free-space bounds and node offsets inside the page, keys in strictly ascending
/// order across the whole tree, children and overflow runs inside the file, no page reached twice, and
/// the tree's page and entry counts. Named databases are found in the main tree's leaves.
struct PageWalker {
    /// Pages and entries of one tree, as its `MDB_db` records them or as the walk counts them.
    private struct TreeCounts: Equatable, CustomStringConvertible {
        var branch: UInt64 = 0, leaf: UInt64 = 0, overflow: UInt64 = 0, entries: UInt64 = 0
        var description: String {
            "\(branch) branch, \(leaf) leaf and \(overflow) overflow pages and \(entries) entries"
        }
    }

    private static let branch: UInt16 = 0x01
    private static let leaf: UInt16 = 0x02
    private static let overflow: UInt16 = 0x04
    private static let bigData: UInt16 = 0x01
    private static let subDatabase: UInt16 = 0x02
    private static let duplicates: UInt16 = 0x04
    private static let nodeHeaderSize = 8

    private let descriptor: Int32
    private let pageSize: Int
    private let pageCount: UInt64
    private let limit: Int
    private var reached: [UInt64]
    private(set) var problems: [PageProblem] = []
    private(set) var pagesChecked = 0

    /// A walker over the file open as `descriptor`, described by `meta`, stopping after `limit` problems.
    init(descriptor: Int32, meta: MetaPage, limit: Int) {
        self.descriptor = descriptor
        self.pageSize = meta.pageSize
        var status = stat()
        let filePages = fstat(descriptor, &status) == 0 ? UInt64(max(status.st_size, 0)) / UInt64(pageSize) : 0
        self.pageCount = min(meta.lastPage &+ 1, filePages)
        self.limit = limit
        reached = [UInt64](repeating: 0, count: Int(pageCount / 64 + 1))
        reached[0] = 0b11
    }

    /// Whether the walk has found as many problems as it reports.
    var isFull: Bool { problems.count >= limit }

    /// Walks the free tree, then the main tree and every named database it lists.
    mutating func walkAll(_ meta: MetaPage) {
        walk(meta.freeTree, named: "free pages", integerKeys: true)
        var named: [(String, TreeDescriptor)] = []
        walk(meta.mainTree, named: "main") { key, flags, value -> String? in
            guard flags & Self.subDatabase != 0 else { return nil }
            guard value.count == TreeDescriptor.size else {
                return "the named database '\(String(decoding: key, as: UTF8.self))' has a \(value.count)-byte record"
            }
            named.append((String(decoding: key, as: UTF8.self), TreeDescriptor(Array(value), at: 0)))
            return nil
        }
        for (name, tree) in named where !isFull {
            if tree.flags & Self.duplicates != 0 {
                report("'\(name)'", tree.root, "sorted duplicates (MDB_DUPSORT) are not part of the format")
                continue
            }
            guard tree.flags == 0 else {
                // Every named database of the format compares keys with memcmp and has no options; liblmdb
                // refuses to read a tree whose recorded flags differ from those it was opened with.
                report(
                    "'\(name)'", tree.root,
                    "its recorded flags 0x\(String(tree.flags, radix: 16)) are not part of the format (none are)")
                continue
            }
            walk(tree, named: "'\(name)'")
        }
    }

    private mutating func report(_ tree: String, _ page: UInt64, _ message: String) {
        if !isFull { problems.append(PageProblem(database: tree, page: page, message: message)) }
    }

    /// Walks one tree depth first, left to right; its keys are native unsigned integers (`MDB_INTEGERKEY`,
    /// as in the free tree) or byte strings. `inspectLeaf` sees each leaf entry with its inline value and may
    /// name a problem with it.
    private mutating func walk(
        _ tree: TreeDescriptor, named name: String, integerKeys: Bool = false,
        inspectLeaf: (_ key: ArraySlice<UInt8>, _ flags: UInt16, _ value: ArraySlice<UInt8>) -> String? = {
            _, _, _ in nil
        }
    ) {
        guard tree.root != TreeDescriptor.noRoot else {
            if tree.entries != 0 { report(name, tree.root, "the tree has no root but \(tree.entries) entries") }
            return
        }
        var counts = TreeCounts()
        var previousKey: ArraySlice<UInt8>?
        var pending: [(page: UInt64, height: Int)] = [(tree.root, tree.depth)]
        let problemsBefore = problems.count
        while let (number, height) = pending.popLast().map({ ($0.page, $0.height) }), !isFull {
            guard let page = readPage(number, of: name) else { continue }
            let flags = page.loadLittleEndian(UInt16.self, at: 10)
            let expected = height > 1 ? Self.branch : Self.leaf
            guard flags & (Self.branch | Self.leaf | Self.overflow) == expected, height >= 1 else {
                report(
                    name, number,
                    "the page's flags 0x\(String(flags, radix: 16)) are not those of a \(height > 1 ? "branch" : "leaf") page"
                )
                continue
            }
            guard let nodes = nodeOffsets(page, number, of: name) else { continue }
            if height > 1 {
                counts.branch += 1
                var children: [UInt64] = []
                for offset in nodes {
                    let header = nodeHeader(page, offset)
                    guard offset + Self.nodeHeaderSize + header.keySize <= pageSize else {
                        report(name, number, "a branch node at offset \(offset) runs past the page")
                        break
                    }
                    children.append(UInt64(header.low) | UInt64(header.high) << 16 | UInt64(header.flags) << 32)
                }
                guard children.count == nodes.count else { continue }
                pending.append(contentsOf: children.reversed().map { ($0, height - 1) })
                continue
            }
            counts.leaf += 1
            for offset in nodes {
                let header = nodeHeader(page, offset)
                let keyStart = offset + Self.nodeHeaderSize
                let dataSize = Int(header.low) | Int(header.high) << 16
                let inlineSize = header.flags & Self.bigData != 0 ? 8 : dataSize
                guard keyStart + header.keySize + inlineSize <= pageSize else {
                    report(name, number, "a leaf node at offset \(offset) runs past the page")
                    break
                }
                let key = page[keyStart..<keyStart + header.keySize]
                if let previousKey, !Self.precedes(previousKey, key, integerKeys: integerKeys) {
                    report(name, number, "keys are out of order at offset \(offset)")
                    break
                }
                previousKey = key
                counts.entries += 1
                if header.flags & Self.duplicates != 0 {
                    report(name, number, "a node at offset \(offset) holds sorted duplicates")
                    break
                }
                let valueStart = keyStart + header.keySize
                if header.flags & Self.bigData != 0 {
                    let first = page.loadLittleEndian(UInt64.self, at: valueStart)
                    counts.overflow += checkOverflow(first, dataSize, name, number)
                } else if let problem = inspectLeaf(key, header.flags, page[valueStart..<valueStart + inlineSize]) {
                    report(name, number, problem)
                }
            }
        }
        guard problems.count == problemsBefore else { return }
        let recorded = TreeCounts(
            branch: tree.branchPages, leaf: tree.leafPages, overflow: tree.overflowPages, entries: tree.entries)
        if counts != recorded {
            report(name, tree.root, "the tree records \(recorded) but holds \(counts)")
        }
    }

    /// Checks the run of overflow pages holding a value of `size` bytes; returns the pages it takes.
    private mutating func checkOverflow(_ first: UInt64, _ size: Int, _ name: String, _ parent: UInt64) -> UInt64 {
        let pages = UInt64((MetaPage.headerSize - 1 + size) / pageSize + 1)
        guard let page = readPage(first, of: name) else { return 0 }
        let flags = page.loadLittleEndian(UInt16.self, at: 10)
        let recorded = UInt64(page.loadLittleEndian(UInt32.self, at: 12))
        guard flags & Self.overflow != 0, recorded == pages else {
            report(
                name, first, "the overflow page of a \(size)-byte value on page \(parent) is not one of \(pages) pages")
            return 0
        }
        guard pages <= pageCount, first <= pageCount - pages else {
            report(name, first, "a run of \(pages) overflow pages runs past the file's last page")
            return 0
        }
        for number in first + 1..<first + pages where !markReached(number) {
            report(name, number, "the page is reached twice")
            return 0
        }
        pagesChecked += Int(pages) - 1
        return pages
    }

    /// The page's bytes after checking its number, that it lies in the file and was not reached before.
    private mutating func readPage(_ number: UInt64, of name: String) -> [UInt8]? {
        pagesChecked += 1
        guard number < pageCount else {
            report(name, number, "the page lies beyond the transaction's last page or the end of the file")
            return nil
        }
        guard markReached(number) else {
            report(name, number, "the page is reached twice")
            return nil
        }
        let page = MetaPage.readBytes(descriptor, count: pageSize, at: Int(number) * pageSize)
        guard page.count == pageSize else {
            report(name, number, "the page could not be read whole")
            return nil
        }
        let recorded = page.loadLittleEndian(UInt64.self, at: 0)
        guard recorded == number else {
            report(name, number, "the page is marked as page \(recorded)")
            return nil
        }
        return page
    }

    /// The offsets of a branch or leaf page's nodes, after checking the free-space bounds and that each node's
    /// header lies in the page.
    private mutating func nodeOffsets(_ page: [UInt8], _ number: UInt64, of name: String) -> [Int]? {
        let lower = Int(page.loadLittleEndian(UInt16.self, at: 12))
        let upper = Int(page.loadLittleEndian(UInt16.self, at: 14))
        guard MetaPage.headerSize < lower, lower <= upper, upper <= pageSize, lower % 2 == 0 else {
            report(name, number, "the page's free-space bounds \(lower)–\(upper) are impossible")
            return nil
        }
        let offsets = (0..<(lower - MetaPage.headerSize) / 2).map {
            Int(page.loadLittleEndian(UInt16.self, at: MetaPage.headerSize + 2 * $0))
        }
        if let bad = offsets.first(where: { $0 < upper || $0 + Self.nodeHeaderSize > pageSize }) {
            report(name, number, "a node offset \(bad) lies outside the page's node area")
            return nil
        }
        return offsets
    }

    private func nodeHeader(_ page: [UInt8], _ offset: Int) -> (low: UInt16, high: UInt16, flags: UInt16, keySize: Int)
    {
        (
            page.loadLittleEndian(UInt16.self, at: offset), page.loadLittleEndian(UInt16.self, at: offset + 2),
            page.loadLittleEndian(UInt16.self, at: offset + 4),
            Int(page.loadLittleEndian(UInt16.self, at: offset + 6))
        )
    }

    /// Whether `left` sorts before `right`: as native unsigned integers in an `MDB_INTEGERKEY` tree, else as
    /// bytes. Keys are slices of their pages, so checking the order copies nothing.
    private static func precedes(_ left: ArraySlice<UInt8>, _ right: ArraySlice<UInt8>, integerKeys: Bool) -> Bool {
        guard integerKeys, left.count == 8, right.count == 8 else { return left.lexicographicallyPrecedes(right) }
        return integer(left) < integer(right)
    }

    private static func integer(_ key: ArraySlice<UInt8>) -> UInt64 {
        key.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
    }

    /// Marks `number` reached; false if it already was.
    private mutating func markReached(_ number: UInt64) -> Bool {
        let (word, bit) = (Int(number / 64), UInt64(1) << (number % 64))
        guard word < reached.count else { return true }
        defer { reached[word] |= bit }
        return reached[word] & bit == 0
    }
}
