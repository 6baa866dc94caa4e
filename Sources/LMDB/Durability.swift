import CLMDB

/// How hard a commit works to reach the disk.
public enum Durability: String, Sendable, CaseIterable {
    /// Every commit is flushed with `fsync` before it returns: an acknowledged write survives power loss.
    case durable
    /// `MDB_NOMETASYNC`: data pages are flushed, the meta page is left to the next commit or ``Environment/sync(force:)``.
    /// A crash may lose the last transaction but never corrupts the file.
    case relaxed
    /// `MDB_NOSYNC`: nothing is flushed until ``Environment/sync(force:)``. A system crash may lose
    /// recent transactions; a process crash loses nothing.
    case unsafeFast

    var flags: UInt32 {
        switch self {
        case .durable: 0
        case .relaxed: UInt32(MDB_NOMETASYNC)
        case .unsafeFast: UInt32(MDB_NOSYNC)
        }
    }
}
