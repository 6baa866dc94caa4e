/// The on-disk format version this library writes and the newest it reads.
public enum FormatVersion {
    /// The major version: readers refuse files and records of a higher major version.
    public static let major: UInt8 = 1
    /// The minor version: additions a reader of the same major version may ignore.
    public static let minor: UInt8 = 10
}
