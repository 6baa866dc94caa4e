import LMDB

extension LineageStore {
    /// Checks every B-tree page of the file with bounds-checked reads of its own (see
    /// ``LMDB/Environment/checkPages(limit:)``): liblmdb trusts page contents, so a command that walks the
    /// whole file runs this first and refuses a damaged file instead of faulting on it.
    public func checkPages(limit: Int = 100) throws -> PageCheckReport {
        do { return try environment.checkPages(limit: limit) } catch {
            throw StoreError.wrapping(error, "checking the pages of \(path)")
        }
    }

    /// Throws ``StoreError/Code/damagedFile`` naming the first damaged page, before `operation` walks the file.
    func requireSoundPages(before operation: String) throws {
        let report = try checkPages(limit: 1)
        if let problem = report.problems.first {
            throw StoreError(
                .damagedFile,
                "\(path) is damaged (\(problem)); \(operation) was not attempted: run `lineage verify` for a report")
        }
    }
}
