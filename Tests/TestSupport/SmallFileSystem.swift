import Foundation
import Testing

/// A tmpfs of a few pages mounted on a fresh directory, to fill up on purpose; unmounted when the last
/// reference goes. Mounting needs root: ``mount(kibibytes:)`` returns `nil` where it is not allowed.
public final class SmallFileSystem {
    /// The mounted directory.
    public let directory: TemporaryDirectory

    private init(directory: TemporaryDirectory) { self.directory = directory }

    /// Mounts a tmpfs of `kibibytes`, or returns `nil` with the reason when this process may not mount.
    public static func mount(kibibytes: Int) throws -> Result<SmallFileSystem, MountRefused> {
        let directory = try TemporaryDirectory()
        let result = try runProcess(
            "/bin/mount", ["-t", "tmpfs", "-o", "size=\(kibibytes)k", "tmpfs", directory.url.path])
        guard result.status == 0 else { return .failure(MountRefused(reason: result.stderr)) }
        return .success(SmallFileSystem(directory: directory))
    }

    /// Whether this process may mount a tmpfs (it must be root); tests that fill a disk are skipped where not,
    /// with ``unavailableReason``.
    public static let isAvailable: Bool = (try? mount(kibibytes: 64).get()) != nil

    /// Why tests that fill a disk are skipped where ``isAvailable`` is false.
    public static let unavailableReason: Comment = "filling a disk needs a tmpfs, and this process may not mount one"

    /// Writes zeros to `name` until the file system is full.
    public func fill(_ name: String = "filler") {
        guard let handle = fopen(directory.path(name), "w") else { return }
        defer { fclose(handle) }
        let page = [UInt8](repeating: 0, count: 4096)
        while fwrite(page, 1, page.count, handle) == page.count {}
        while fwrite(page, 1, 1, handle) == 1 {}
    }

    deinit { _ = try? runProcess("/bin/umount", ["-l", directory.url.path]) }

    /// Why a tmpfs could not be mounted.
    public struct MountRefused: Error, CustomStringConvertible {
        /// What `mount` printed.
        public let reason: String
        public var description: String { "a tmpfs cannot be mounted here: \(reason)" }
    }
}
