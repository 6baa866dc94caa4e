import CFileLocks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The descriptors and advisory locks an opener holds on a data file and its `-lock` file while the
/// environment is open, which make every opener of one data file use one lock file.
///
/// LMDB coordinates its processes through the `-lock` file beside the path it is given. Two openers that
/// reach one data file through different lock files — a hard link in another folder, a `-lock` file deleted
/// or replaced while the data file is open — would each believe they were alone, and corrupt the file. So
/// every opener holds a shared lock on a byte of its lock file, then on a byte of the data file (both owned by
/// the open file description, so they are independent of LMDB's own per-process `fcntl` locks), and an
/// opener that finds the data file in use while no one else holds its lock file is refused.
///
/// The lock file is also created here, with its space reserved on disk: LMDB sizes it with `ftruncate` and
/// writes it through a memory map, so on a full file system a sparse lock file would fail with `SIGBUS`.
struct OpenerLocks {
    /// The byte of the data file every opener shares.
    private static let dataByte: off_t = 0
    /// The byte of the lock file every opener shares: beyond LMDB's own locks there (byte 0, and one byte
    /// at each reader's process id).
    private static let lockFileByte: off_t = 1 << 40

    /// The data file, open for reading.
    let dataDescriptor: Int32
    private let lockDescriptor: Int32?
    private let path: String
    private let createdDataFile: Bool

    /// Opens (or, unless `options.readOnly`, creates) the data file at the canonical `path` and its lock
    /// file, takes the opener's locks, and checks that this opener shares the lock file of the others.
    static func acquire(_ path: String, _ options: EnvironmentOptions) throws(LMDBError) -> OpenerLocks {
        let (dataDescriptor, created) = try openDataFile(path, options)
        var locks = OpenerLocks(
            dataDescriptor: dataDescriptor, lockDescriptor: nil, path: path, createdDataFile: created)
        do throws(LMDBError) {
            if !created { try refuseEmptyFile(dataDescriptor, path) }
            locks = OpenerLocks(
                dataDescriptor: dataDescriptor, lockDescriptor: try openLockFile(path, options), path: path,
                createdDataFile: created)
            try locks.share()
            return locks
        } catch {
            locks.abandon()
            throw error
        }
    }

    private static func openDataFile(_ path: String, _ options: EnvironmentOptions) throws(LMDBError) -> (
        Int32, created: Bool
    ) {
        let flags = (options.readOnly ? O_RDONLY : O_RDWR) | O_CLOEXEC
        while true {
            let existing = open(path, flags)
            if existing >= 0 { return (existing, false) }
            guard errno == ENOENT, !options.readOnly else {
                throw LMDBError(returnCode: errno, operation: "open", context: path)
            }
            let created = open(path, flags | O_CREAT | O_EXCL, options.fileMode)
            if created >= 0 { return (created, true) }
            guard errno == EEXIST else { throw LMDBError(returnCode: errno, operation: "open", context: path) }
        }
    }

    private static func refuseEmptyFile(_ descriptor: Int32, _ path: String) throws(LMDBError) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw LMDBError(returnCode: errno, operation: "fstat", context: path)
        }
        if status.st_mode & S_IFMT == S_IFREG && status.st_size == 0 {
            throw LMDBError(.notAnLMDBFile, "\(path) is empty: not a LineageStore database", operation: "fstat")
        }
    }

    /// Opens the lock file, creating it with its space reserved; `nil` when a read-only opener may not
    /// open it at all (LMDB then decides whether the file can be read without one).
    private static func openLockFile(_ path: String, _ options: EnvironmentOptions) throws(LMDBError) -> Int32? {
        let lockPath = path + "-lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, options.fileMode)
        guard descriptor >= 0 else {
            let failure = errno
            if options.readOnly {
                let readable = open(lockPath, O_RDONLY | O_CLOEXEC)
                return readable >= 0 ? readable : nil
            }
            throw LMDBError(returnCode: failure, operation: "open", context: lockPath)
        }
        let reserved = lineage_reserve_space(descriptor, off_t(lockFileReservation(options.maxReaders)))
        if reserved != 0 && !isFullyAllocated(descriptor) {
            close(descriptor)
            throw LMDBError(
                returnCode: reserved, operation: "fallocate", context: "reserving space for the lock file \(lockPath)")
        }
        return descriptor
    }

    /// More than LMDB's lock file takes for `maxReaders` readers on any platform: a header of a few cache
    /// lines and one cache line per reader.
    private static func lockFileReservation(_ maxReaders: Int) -> Int { 4096 + maxReaders * 128 }

    /// Whether every byte of the file up to its size is on disk, so LMDB may use it without new space.
    private static func isFullyAllocated(_ descriptor: Int32) -> Bool {
        var status = stat()
        return fstat(descriptor, &status) == 0 && status.st_size > 0 && Int(status.st_blocks) * 512 >= status.st_size
    }

    /// Takes the shared locks, the lock file's first, and refuses an opener whose lock file no one else
    /// holds while the data file is in use.
    ///
    /// A conflict is confirmed over a short grace period before it is reported: a process that forks
    /// (`Process`, `posix_spawn`) keeps every descriptor's file description, and so its locks, alive in the
    /// child until the child's `exec` closes it, so a file closed a moment ago can still look open in a
    /// lock file that was replaced since.
    private func share() throws(LMDBError) {
        if let lockDescriptor {
            try Self.check(lineage_share_byte(lockDescriptor, Self.lockFileByte), "\(path)-lock")
        }
        try Self.check(lineage_share_byte(dataDescriptor, Self.dataByte), path)
        for attempt in 1...Self.conflictChecks {
            guard try usesAnotherLockFileThanTheOtherOpeners() else { return }
            if attempt < Self.conflictChecks { usleep(Self.conflictCheckInterval) }
        }
        throw LMDBError(
            .lockConflict,
            "\(path) is open in another process through a different lock file than \(path)-lock (the lock"
                + " file was deleted or replaced, or the data file is reached through a hard link in another"
                + " folder); opening it now could corrupt it: close the other processes and open it again",
            operation: "open")
    }

    /// How many times a conflict is checked, `conflictCheckInterval` microseconds apart, before it is reported.
    private static let conflictChecks = 20
    private static let conflictCheckInterval: useconds_t = 10_000

    /// Whether someone else has the data file open while no one else holds this opener's lock file.
    private func usesAnotherLockFileThanTheOtherOpeners() throws(LMDBError) -> Bool {
        let dataInUse = lineage_byte_locked_elsewhere(dataDescriptor, Self.dataByte)
        try Self.check(max(-dataInUse, 0), path)
        guard dataInUse == 1 else { return false }
        let lockShared = lockDescriptor.map { lineage_byte_locked_elsewhere($0, Self.lockFileByte) } ?? 0
        try Self.check(max(-lockShared, 0), "\(path)-lock")
        return lockShared == 0
    }

    /// Releases the locks: the data file's first, so that no opener ever sees the data file in use by one
    /// who no longer holds its lock file. Call after the environment is closed: closing the lock file's
    /// descriptor drops this process's `fcntl` locks on it, LMDB's included.
    func release() {
        close(dataDescriptor)
        if let lockDescriptor { close(lockDescriptor) }
    }

    /// Releases the locks of an opener that failed, removing a data file it created and left empty.
    func abandon() {
        var status = stat()
        let empty = fstat(dataDescriptor, &status) == 0 && status.st_size == 0
        if createdDataFile && empty { unlink(path) }
        release()
    }

    private static func check(_ code: Int32, _ file: String) throws(LMDBError) {
        if code != 0 { throw LMDBError(returnCode: code, operation: "fcntl", context: "locking \(file)") }
    }
}
