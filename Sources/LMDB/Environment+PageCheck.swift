extension Environment {
    /// Checks every page of every B-tree of the current snapshot — the free pages, the main tree and each
    /// named database — with reads of its own that are bounds-checked, so a damaged page is reported rather
    /// than followed by liblmdb (which trusts page contents and can fault on them).
    ///
    /// Run it before walking a file that may be damaged with cursors. It reads each page once.
    /// - Parameter limit: the most problems to report; the walk stops there.
    public func checkPages(limit: Int = 100) throws -> PageCheckReport {
        for _ in 0..<8 {
            let report: PageCheckReport? = try read { txn in
                let id = UInt64(Shim.txnID(try txn.liveHandle()))
                let metas = MetaPage.read(openerLocks.dataDescriptor)
                guard let meta = metas.first(where: { $0.transactionID == id }) else { return nil }
                var walker = PageWalker(descriptor: openerLocks.dataDescriptor, meta: meta, limit: limit)
                walker.walkAll(meta)
                return PageCheckReport(problems: walker.problems, pagesChecked: walker.pagesChecked)
            }
            if let report { return report }
        }
        throw LMDBError(
            .corrupted, "\(path): no meta page describes the current transaction", operation: "checkPages")
    }
}
