import LineageFormat

extension JobRecord {
    /// Adds `batchID` to the job's sorted batch set (compared by bytes, like every identity).
    /// - Returns: whether it was new.
    @discardableResult
    mutating func addBatch(_ batchID: String) -> Bool {
        let position = batchIDs.partitionPoint { ExactString($0) < ExactString(batchID) }
        guard position == batchIDs.count || !batchIDs[position].sameBytes(as: batchID) else { return false }
        batchIDs.insert(batchID, at: position)
        return true
    }
}
