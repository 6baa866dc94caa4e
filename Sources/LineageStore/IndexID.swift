/// The first element of every key in the `index` database: which index an entry belongs to.
///
/// Numbers are assigned in `Formats/README.md` and never reused.
enum IndexID {
    /// `(1, xxh3_128, sha256)` → empty: contents by XXH3-128.
    static let contentByXXH3: Int64 = 1
}
