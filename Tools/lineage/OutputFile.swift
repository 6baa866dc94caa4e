import Foundation
import LineageStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command writes a large output: standard output, or a file that appears only once all of it is
/// written. A file is written as a temporary file beside it and renamed over the target at ``finish()``, so a
/// full disk or any other failure leaves no half-written file. Every write error is thrown, naming the output.
struct OutputFile {
    /// The output's name in messages.
    let name: String
    /// The target path, or `nil` for standard output.
    private let path: String?
    private let temporaryPath: String?
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var isOpen = true

    /// Opens standard output (`path == nil`), or a temporary file for `path`.
    /// - Throws: `.io` if `path` exists and `force` is not given, or the temporary file cannot be created.
    init(path: String?, force: Bool) throws {
        guard let path else {
            (name, self.path, temporaryPath, descriptor) = ("standard output", nil, nil, STDOUT_FILENO)
            return
        }
        var status = stat()
        if stat(path, &status) == 0 {
            guard force else { throw StoreError(.io, "\(path) exists; give --force to replace it") }
            guard status.st_mode & S_IFMT == S_IFREG else { throw StoreError(.io, "\(path) is not a regular file") }
        }
        let temporary = "\(path).\(getpid()).tmp"
        let opened = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            throw StoreError(.io, "cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        (name, self.path, temporaryPath, descriptor) = (path, path, temporary, opened)
    }

    /// Buffers `line` and a newline, writing out every MiB.
    mutating func append(line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(10)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private mutating func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                throw StoreError(.io, "cannot write \(name): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and, for a file, syncs it and renames it over the target. After a failure,
    /// here or in ``append(line:)``, call ``discard()``.
    mutating func finish() throws {
        try flush()
        guard let path, let temporaryPath else { return }
        var error: Int32 = 0
        if fsync(descriptor) != 0 { error = errno }
        if close(descriptor) != 0 && error == 0 { error = errno }
        isOpen = false
        if error == 0 && rename(temporaryPath, path) != 0 { error = errno }
        guard error == 0 else { throw StoreError(.io, "cannot write \(path): \(String(cString: strerror(error)))") }
    }

    /// Removes the temporary file after a failure; standard output is left as it is.
    mutating func discard() {
        guard let temporaryPath else { return }
        if isOpen { close(descriptor) }
        isOpen = false
        unlink(temporaryPath)
    }
}
