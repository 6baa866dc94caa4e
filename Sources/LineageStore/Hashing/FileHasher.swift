import Crypto
import Dispatch
import LineageFormat

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Computes XXH3-128 and SHA-256 in one pass over a file, a stream or a buffer, in constant memory.
///
/// With both digests, input is read in large chunks into two alternating buffers: each chunk is hashed by
/// SHA-256 on one core while the other core computes XXH3-128 and reads the next chunk, so both digests
/// cost about the wall time of SHA-256 alone. XXH3-128 alone outruns any hand-off between cores, so it
/// reads and hashes on one thread, in chunks small enough to stay in the core's L2 cache. Memory use is at
/// most two chunks, whatever the input size.
public struct FileHasher: Sendable {
    /// Which digests to compute.
    public enum Algorithms: String, Sendable, CaseIterable {
        /// SHA-256 and XXH3-128.
        case sha256AndXXH3 = "sha256+xxh3"
        /// XXH3-128 only, for change detection.
        case xxh3Only = "xxh3"
    }

    /// Which digests to compute.
    public var algorithms: Algorithms
    /// The read size in bytes.
    public var chunkSize: Int

    /// Creates a hasher.
    ///
    /// - Parameter chunkSize: the read size; by default 1 MiB with both digests (to amortise the hand-off
    ///   between cores) and 128 KiB for XXH3-128 alone (to stay in L2).
    public init(algorithms: Algorithms = .sha256AndXXH3, chunkSize: Int? = nil) {
        let chunkSize = chunkSize ?? (algorithms == .xxh3Only ? 128 << 10 : 1 << 20)
        precondition(chunkSize >= 4096, "chunk size must be at least 4096 bytes")
        self.algorithms = algorithms
        self.chunkSize = chunkSize
    }

    /// The digests of `bytes`.
    public func digests(of bytes: UnsafeRawBufferPointer) -> FileDigests {
        let state = HashState(algorithms: algorithms)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunkSize, bytes.count)
            state.update(
                UnsafeRawBufferPointer(rebasing: bytes[offset..<end]),
                parallel: algorithms == .sha256AndXXH3 && end - offset >= 1 << 16)
            offset = end
        }
        return state.finalize(size: UInt64(bytes.count))
    }

    /// The digests of `bytes`.
    public func digests(of bytes: [UInt8]) -> FileDigests {
        bytes.withUnsafeBytes { digests(of: $0) }
    }

    /// The digests of the regular file at `path`, with the identity it had while hashed.
    ///
    /// - Parameter progress: called after each chunk with the bytes hashed so far and the file size.
    /// - Throws: ``StoreError`` `.io` naming the file when it cannot be opened or read, is a directory, or
    ///   changes size or modification time while being hashed.
    public func digests(ofFileAt path: String, progress: ((UInt64, UInt64) -> Void)? = nil) throws
        -> (digests: FileDigests, identity: FileIdentity)
    {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)  // a FIFO without a writer must not block
        guard fd >= 0 else { throw StoreError(.io, "cannot open \(path): \(errnoText())") }
        defer { Glibc.close(fd) }
        let before = try identity(of: fd, path: path)
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
        let digests = try digests(ofDescriptor: fd, name: path, expectedSize: before.size, progress: progress)
        let after = try identity(of: fd, path: path)
        guard after == before, digests.size == before.size else {
            throw StoreError(
                .io,
                "\(path) changed while being hashed (size \(before.size) → \(after.size), read \(digests.size) bytes)")
        }
        return (digests, before)
    }

    /// The digests of everything readable from `fd` (standard input, a pipe, a socket) until end of file.
    ///
    /// - Parameter name: names the stream in error messages.
    public func digests(ofStream fd: Int32, name: String, progress: ((UInt64, UInt64) -> Void)? = nil) throws
        -> FileDigests
    {
        try digests(ofDescriptor: fd, name: name, expectedSize: 0, progress: progress)
    }

    private func identity(of fd: Int32, path: String) throws -> FileIdentity {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError(.io, "cannot stat \(path): \(errnoText())") }
        if info.st_mode & S_IFMT == S_IFDIR { throw StoreError(.io, "\(path) is a directory, not a file") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError(.io, "\(path) is not a regular file") }
        return FileIdentity(info)
    }

    private func digests(
        ofDescriptor fd: Int32, name: String, expectedSize: UInt64, progress: ((UInt64, UInt64) -> Void)?
    ) throws -> FileDigests {
        let state = HashState(algorithms: algorithms)
        let buffers = ChunkBuffers(count: algorithms == .xxh3Only ? 1 : 2, size: chunkSize)
        defer { buffers.deallocate() }
        var total: UInt64 = 0
        if algorithms == .xxh3Only {
            while case let filled = try readChunk(fd, into: buffers[0], name: name), filled > 0 {
                state.update(UnsafeRawBufferPointer(rebasing: buffers[0][..<filled]), parallel: false)
                total += UInt64(filled)
                progress?(total, max(expectedSize, total))
            }
            return state.finalize(size: total)
        }
        var current = 0
        var filled = try readChunk(fd, into: buffers[current], name: name)
        let reader = ReadResult()
        while filled > 0 {
            let chunk = UnsafeRawBufferPointer(rebasing: buffers[current][..<filled])
            let next = 1 - current
            let nextBuffer = buffers[next]
            state.update(chunk, parallel: true) {
                reader.capture { try readChunk(fd, into: nextBuffer, name: name) }
            }
            total += UInt64(filled)
            progress?(total, max(expectedSize, total))
            filled = try reader.get()
            current = next
        }
        return state.finalize(size: total)
    }

    /// Fills `buffer` from `fd` until it is full or the input ends; returns the bytes read.
    private func readChunk(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, name: String) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreError(.io, "cannot read \(name): \(errnoText())")
            }
            filled += count
        }
        return filled
    }
}

func errnoText() -> String { String(cString: strerror(errno)) }

/// The running digests of one input.
private final class HashState: @unchecked Sendable {
    private var sha: SHA256?
    private let xxh3 = StreamingXXH3()

    init(algorithms: FileHasher.Algorithms) {
        sha = algorithms == .sha256AndXXH3 ? SHA256() : nil
    }

    /// Hashes `chunk` with every digest, then runs `alongside` (reading the next chunk). With `parallel` and
    /// SHA-256 enabled, SHA-256 runs on one core while the other runs XXH3-128 and then `alongside`.
    func update(_ chunk: UnsafeRawBufferPointer, parallel: Bool, alongside: () -> Void = {}) {
        guard parallel, sha != nil else {
            sha?.update(bufferPointer: chunk)
            xxh3.update(chunk)
            alongside()
            return
        }
        withoutActuallyEscaping(alongside) { alongside in
            let work = UncheckedBox((chunk, alongside))
            DispatchQueue.concurrentPerform(iterations: 2) { lane in
                if lane == 0 {
                    self.sha!.update(bufferPointer: work.value.0)
                } else {
                    self.xxh3.update(work.value.0)
                    work.value.1()
                }
            }
        }
    }

    func finalize(size: UInt64) -> FileDigests {
        FileDigests(size: size, sha256: sha.map { Array($0.finalize()) }, xxh3: xxh3.finalize())
    }
}

/// Page-aligned read buffers: one for XXH3-128 alone, two (read one, hash the other) with both digests.
private struct ChunkBuffers: @unchecked Sendable {
    private let buffers: [UnsafeMutableRawBufferPointer]

    init(count: Int, size: Int) {
        buffers = (0..<count).map { _ in .allocate(byteCount: size, alignment: 4096) }
    }

    subscript(index: Int) -> UnsafeMutableRawBufferPointer { buffers[index] }

    func deallocate() { buffers.forEach { $0.deallocate() } }
}

/// The outcome of a read done on the other lane.
private final class ReadResult: @unchecked Sendable {
    private var result: Result<Int, any Error> = .success(0)
    func capture(_ body: () throws -> Int) { result = Result { try body() } }
    func get() throws -> Int { try result.get() }
}

/// Carries a non-Sendable value into `concurrentPerform`, whose lanes are joined before it returns.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
