import Foundation

/// Reads newline-separated lines from a file descriptor in large chunks, without holding more than one
/// over-long line's worth of memory: a line longer than `limit` is reported by its length and skipped.
struct LineReader {
    /// One line.
    enum Line {
        /// The line's bytes, without the newline.
        case text([UInt8])
        /// A line of `length` bytes, over the limit; its bytes were dropped.
        case tooLong(length: Int)
    }

    private let handle: FileHandle
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var skipping: Int?
    private var atEnd = false
    /// Bytes consumed so far (lines returned, with their newlines).
    private(set) var bytesRead = 0

    /// Reads from `handle`; lines over `limit` bytes are reported as ``Line/tooLong(length:)``.
    init(_ handle: FileHandle, limit: Int) {
        self.handle = handle
        self.limit = limit
    }

    /// The next line, or `nil` at the end of the input.
    mutating func next() throws -> Line? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                defer {
                    bytesRead += newline + 1 - start
                    start = newline + 1
                }
                if let skipped = skipping {
                    skipping = nil
                    return .tooLong(length: skipped + newline - start)
                }
                return .text(Array(buffer[start..<newline]))
            }
            if atEnd {
                defer {
                    bytesRead += buffer.count - start
                    buffer = []
                    start = 0
                }
                if let skipped = skipping {
                    skipping = nil
                    return .tooLong(length: skipped + buffer.count - start)
                }
                return start < buffer.count ? .text(Array(buffer[start...])) : nil
            }
            if buffer.count - start > limit {
                bytesRead += buffer.count - start
                skipping = (skipping ?? 0) + buffer.count - start
                buffer = []
                start = 0
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty {
                atEnd = true
            } else {
                buffer.removeFirst(start)
                start = 0
                buffer.append(contentsOf: chunk)
            }
        }
    }
}
