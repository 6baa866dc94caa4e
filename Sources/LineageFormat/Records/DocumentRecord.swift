/// A document going through the processing stages (record kind 9; schema `Document`).
public struct DocumentRecord: FieldTableRecord, StoredRecord, Equatable {
    public static let kind = RecordKind.document
    public static let schemaVersion: UInt16 = 1

    /// The document id.
    public var id = ""
    /// Its title.
    public var title = ""
    /// The realm (tenant, collection) it belongs to.
    public var realm = ""
    /// When it was added.
    public var createdAt: Int64 = 0
    /// When it last changed.
    public var updatedAt: Int64 = 0
    public var unknownFields: [UInt8] = []

    public init() {}

    public static let fields: [RecordField<DocumentRecord>] = [
        .string(1, "id", \.id),
        .string(2, "title", \.title),
        .string(3, "realm", \.realm),
        .timestamp(4, "created_at", \.createdAt),
        .timestamp(5, "updated_at", \.updatedAt),
    ]

    public var primaryKey: [TupleElement] { [.string(id)] }
}
