// How FormatInfo is stored (kind, key, indexes) and what it can do; its fields, field table and codec are
// generated from Formats/lineagestore.proto when the package builds (Tools/RecordCodegen).
extension FormatInfo {
    package static let kind = RecordKind.formatInfo
    package static let schemaVersion: UInt16 = 1

    /// Creates the description of a new file.
    public init(
        major: UInt64, minor: UInt64, createdAt: Int64, createdBy: String, storeID: String = "",
        feedFromCreation: Bool = false
    ) {
        self.major = major
        self.minor = minor
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.storeID = storeID
        self.feedFromCreation = feedFromCreation
    }
}
