import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files this process has open. LMDB must never open one file twice in one process: its locks are
/// per process, and closing the second handle would release the first one's locks.
enum EnvironmentRegistry {
    private static let openPaths = Mutex<Set<String>>([])

    /// Reserves `path`, or throws ``LMDBError/Code/alreadyOpen``.
    static func reserve(_ path: String) throws(LMDBError) {
        let inserted = openPaths.withLock { $0.insert(path).inserted }
        if !inserted {
            throw LMDBError(
                .alreadyOpen,
                "\(path) is already open in this process; share that Environment instead of opening it again",
                operation: "open")
        }
    }

    static func release(_ path: String) {
        _ = openPaths.withLock { $0.remove(path) }
    }

    /// The absolute path of `path` with every symbolic link resolved — the file's own, when it exists, and
    /// its directory's — so two spellings of one file map to one registry entry and LMDB puts the `-lock`
    /// file beside the real data file, where every opener finds it.
    static func canonicalPath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let absolute: String
        if path.hasPrefix("/") {
            absolute = path
        } else {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let cwd = getcwd(&buffer, buffer.count).map { String(cString: $0) } ?? "."
            absolute = cwd + "/" + path
        }
        let slash = absolute.lastIndex(of: "/")!
        let directory = slash == absolute.startIndex ? "/" : String(absolute[..<slash])
        let name = String(absolute[absolute.index(after: slash)...])
        guard let resolved = realpath(directory, nil) else { return absolute }
        defer { free(resolved) }
        let resolvedDirectory = String(cString: resolved)
        return (resolvedDirectory == "/" ? "" : resolvedDirectory) + "/" + name
    }
}
