import LMDB
import LineageFormat
import LineageStore
import Testing

/// Every module's error has one shape: a code, a message naming what failed, an underlying cause, and a
/// description that starts with the code.
@Suite struct ErrorShapeTests {
    @Test func everyErrorDescribesItsCodeMessageAndCause() {
        let lmdb = LMDBError(.mapFull, "db.lineage reached its ceiling", operation: "mdb_put", returnCode: -30792)
        let format = FormatError(.truncated, "record (1, \"a\"): 3 bytes short", underlying: lmdb)
        let store = StoreError(.damagedRecord, "reading db.lineage", underlying: format)
        #expect(lmdb.description == "mapFull: db.lineage reached its ceiling (mdb_put)")
        #expect(format.description.hasPrefix("truncated: record (1, \"a\"): 3 bytes short (caused by: mapFull: "))
        #expect(store.description.hasPrefix("damagedRecord: reading db.lineage (caused by: truncated: "))
        #expect((store.underlying as? FormatError)?.code == .truncated)
        #expect(((store.underlying as? FormatError)?.underlying as? LMDBError)?.code == .mapFull)
    }

    @Test func storageFailuresKeepTheirLMDBCause() throws {
        let t = try TestStore()
        t.store.close()
        #expect {
            try t.store.job("x")
        } throws: { error in
            guard let error = error as? StoreError, error.code == .storage else { return false }
            return (error.underlying as? LMDBError)?.code == .closed
        }
    }
}
