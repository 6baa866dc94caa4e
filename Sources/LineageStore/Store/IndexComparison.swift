import LineageFormat

// The comparison the write path makes before moving index entries, derived from the index declarations. It
// lives beside its caller so the optimizer specializes it for each record type: a progress merge saves a job
// many times a second without moving it in any index, and an unspecialized generic call there cost 6 % of
// wide ingestion.

extension StoredRecord {
    /// Whether `other` is indexed under exactly the values this record is, in every index: the indexed fields
    /// are compared directly, without building entries.
    package func hasSameIndexValues(as other: Self) -> Bool {
        Self.indexes.allSatisfy { $0.hasSameValues(self, other) }
    }
}

extension IndexDefinition {
    /// Whether `a` and `b` are indexed under the same values, compared field by field.
    package func hasSameValues(_ a: Record, _ b: Record) -> Bool {
        if skipsEmpty, let first = parts.first, first.isEmpty(a), first.isEmpty(b) { return true }
        return parts.allSatisfy { $0.isEqual(a, b) }
    }
}
