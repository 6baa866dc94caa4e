#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How to open an ``Environment``.
public struct EnvironmentOptions: Sendable {
    /// The database file. LMDB keeps its lock file beside it, named `path` + `-lock`.
    public var path: String
    /// The initial map size in bytes. The map grows by itself up to ``maxMapSize``.
    public var mapSize: Int
    /// The ceiling for automatic map growth, in bytes.
    public var maxMapSize: Int
    /// The most named databases the environment may hold (`mdb_env_set_maxdbs`).
    public var maxDatabases: Int
    /// The most concurrent read transactions across all processes (`mdb_env_set_maxreaders`).
    public var maxReaders: Int
    /// Open with `MDB_RDONLY`: no write transactions, and the file must already exist.
    public var readOnly: Bool
    /// How commits reach the disk.
    public var durability: Durability
    /// The permission bits of a newly created file and its lock file.
    public var fileMode: mode_t

    /// Creates options with conservative defaults: a 16 MiB map growing to 1 TiB, 32 named databases,
    /// 126 readers, read-write, durable, mode 0600.
    public init(
        path: String,
        mapSize: Int = 16 << 20,
        maxMapSize: Int = 1 << 40,
        maxDatabases: Int = 32,
        maxReaders: Int = 126,
        readOnly: Bool = false,
        durability: Durability = .durable,
        fileMode: mode_t = 0o600
    ) {
        self.path = path
        self.mapSize = mapSize
        self.maxMapSize = maxMapSize
        self.maxDatabases = maxDatabases
        self.maxReaders = maxReaders
        self.readOnly = readOnly
        self.durability = durability
        self.fileMode = fileMode
    }
}
