#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file path relative to a storage root that can never escape it.
enum StoragePath {
    /// Checks `path`: relative, no `..` or `.` components, no empty components, no NUL bytes, at most 4 KiB.
    /// - Throws: `.invalidInput` naming what is wrong.
    static func validate(_ path: String) throws {
        try Validation.text(path, "output path", required: true, limit: 4 * 1024)
        guard !path.utf8.contains(0) else { throw StoreError(.invalidInput, "output path contains a NUL byte") }
        guard !path.hasPrefix("/") else {
            throw StoreError(.invalidInput, "output path \(path) is absolute; it must be relative to the storage root")
        }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard !component.isEmpty, component != ".", component != ".." else {
                throw StoreError(
                    .invalidInput,
                    "output path \(path) has a \(component.isEmpty ? "empty" : "\"\(component)\"") component; "
                        + "it could leave the storage root")
            }
        }
    }

    /// `path` with every symbolic link resolved.
    /// - Throws: `.io` if it does not exist.
    static func canonical(_ path: String) throws -> String {
        guard let resolved = realpath(path, nil) else {
            throw StoreError(.io, "cannot resolve \(path): \(String(cString: strerror(errno)))")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
