import LineageFormat

/// Every ``StoredRecord`` type of this format version, by kind and by index id: what `verify` walks and
/// what `export` and `load` speak.
package enum StoredTypes {
    /// Every stored type, in kind order.
    package static let all: [any (StoredRecord & FieldTableRecord).Type] = [
        JobRecord.self, PageRecord.self, PageVersionRecord.self, ScheduleRecord.self, SourceRecord.self,
        ImportRecord.self, ImportRowRecord.self, DocumentRecord.self, StageDefinitionRecord.self,
        DocumentStageRecord.self, StageOutputRecord.self, WorkflowRecord.self, EventRecord.self,
        ReporterWindowRecord.self, ContentRecord.self,
        SightingRecord.self, StatCacheRecord.self, StageRunRecord.self, CrawlBatchRecord.self,
    ]

    /// The change feed's types, which live beside the data (in `changes` and `meta`) and are neither exported
    /// nor reported in the feed.
    package static let changeFeed: [any (StoredRecord & FieldTableRecord).Type] = [
        ChangeRecord.self, ChangeConsumerRecord.self,
    ]

    /// The type whose kind is named `name` (`job`, `page_version`…), or `nil`.
    package static func type(named name: String) -> (any (StoredRecord & FieldTableRecord).Type)? {
        all.first { $0.kind.name == name }
    }

    /// The type of kind number `kind`, or `nil`.
    package static func type(ofKind kind: Int64) -> (any (StoredRecord & FieldTableRecord).Type)? {
        all.first { Int64($0.kind.rawValue) == kind }
    }

    /// The type that owns index number `index`, or `nil`.
    static func type(ofIndex index: Int64) -> (any (StoredRecord & FieldTableRecord).Type)? {
        all.first { $0.indexIDs.contains { $0.rawValue == index } }
    }
}

extension StoredRecord {
    /// The ids of this type's indexes.
    static var indexIDs: [IndexID] { indexes.map(\.id) }
}
