#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One of the two meta pages at the start of an LMDB data file, read with `pread` (never through the map),
/// so a damaged or truncated file can be judged before LMDB maps it.
///
/// The layout is LMDB 0.9's on 64-bit systems: a 16-byte page header, then `MDB_meta` — magic, version,
/// address, map size, the free and main databases' `MDB_db` (48 bytes each; the page size is kept in the
/// free database's `md_pad`), the last page used and the transaction id.
struct MetaPage {
    static let headerSize = 16
    private static let magic: UInt32 = 0xBEEF_C0DE
    private static let size = headerSize + 136

    /// The page size the file was written with.
    let pageSize: Int
    /// The number of the last page the transaction uses.
    let lastPage: UInt64
    /// The transaction this meta page describes.
    let transactionID: UInt64
    /// The B-tree of free pages.
    let freeTree: TreeDescriptor
    /// The main B-tree, which names the named databases.
    let mainTree: TreeDescriptor

    private init?(_ bytes: [UInt8]) {
        guard bytes.count >= Self.size, bytes.loadLittleEndian(UInt32.self, at: 16) == Self.magic,
            bytes.loadLittleEndian(UInt32.self, at: 20) == 1
        else { return nil }
        let pageSize = Int(bytes.loadLittleEndian(UInt32.self, at: 40))
        guard (512...65_536).contains(pageSize), pageSize & (pageSize - 1) == 0 else { return nil }
        self.pageSize = pageSize
        freeTree = TreeDescriptor(bytes, at: 40)
        mainTree = TreeDescriptor(bytes, at: 88)
        lastPage = bytes.loadLittleEndian(UInt64.self, at: 136)
        transactionID = bytes.loadLittleEndian(UInt64.self, at: 144)
    }

    /// The valid meta pages of the file open as `descriptor`: none when the first is not an LMDB meta page
    /// (LMDB takes the page size from it).
    static func read(_ descriptor: Int32) -> [MetaPage] {
        guard let first = MetaPage(readBytes(descriptor, count: size, at: 0)) else { return [] }
        let second = MetaPage(readBytes(descriptor, count: size, at: first.pageSize))
        return [first] + (second.map { [$0] } ?? [])
    }

    /// The meta page LMDB opens with: the valid one of the latest transaction.
    static func current(_ descriptor: Int32) -> MetaPage? {
        read(descriptor).max { $0.transactionID < $1.transactionID }
    }

    /// Throws ``LMDBError/Code/corrupted`` when the file open as `descriptor` ends before the last page its
    /// current transaction uses: mapping it would fault on the missing pages.
    static func requireWholeFile(_ descriptor: Int32, _ path: String) throws(LMDBError) {
        guard let meta = current(descriptor) else { return }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return }
        let (pages, overflow) = meta.lastPage.addingReportingOverflow(1)
        let (needed, tooLarge) = pages.multipliedReportingOverflow(by: UInt64(meta.pageSize))
        if overflow || tooLarge || UInt64(status.st_size) < needed {
            throw LMDBError(
                .corrupted,
                "\(path) is damaged: it is \(status.st_size) bytes long, but its last transaction "
                    + "(\(meta.transactionID)) uses pages up to \(meta.lastPage) of \(meta.pageSize) bytes; "
                    + "the file was truncated",
                operation: "open")
        }
    }

    /// Up to `count` bytes at `offset`; fewer where the file ends.
    static func readBytes(_ descriptor: Int32, count: Int, at offset: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + filled, count - filled, off_t(offset + filled))
            }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        return Array(bytes[..<filled])
    }
}

/// An `MDB_db`: where a B-tree's root is and what it holds.
struct TreeDescriptor {
    /// The page number meaning "no root": the tree is empty.
    static let noRoot = UInt64.max

    let flags: UInt16
    let depth: Int
    let branchPages: UInt64
    let leafPages: UInt64
    let overflowPages: UInt64
    let entries: UInt64
    let root: UInt64

    /// Reads the 48 bytes at `offset`.
    init(_ bytes: [UInt8], at offset: Int) {
        flags = bytes.loadLittleEndian(UInt16.self, at: offset + 4)
        depth = Int(bytes.loadLittleEndian(UInt16.self, at: offset + 6))
        branchPages = bytes.loadLittleEndian(UInt64.self, at: offset + 8)
        leafPages = bytes.loadLittleEndian(UInt64.self, at: offset + 16)
        overflowPages = bytes.loadLittleEndian(UInt64.self, at: offset + 24)
        entries = bytes.loadLittleEndian(UInt64.self, at: offset + 32)
        root = bytes.loadLittleEndian(UInt64.self, at: offset + 40)
    }

    static let size = 48
}

extension Array where Element == UInt8 {
    /// The little-endian integer at `offset`, which the caller has checked lies within the array.
    func loadLittleEndian<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
        withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }
}
