import LineageFormat
import LineageStore
import TestSupport
import Testing

/// Periods, ages and durations from callers are checked against 100 years before any arithmetic, so no value
/// traps: each out-of-range value is `invalidInput` naming the field.
@Suite struct RangeCheckTests {
    @Test func periodsAndAgesBeyondACenturyAreRefused() throws {
        let t = try TestStore()
        let store = t.store
        for days in [0, -1, Int.max, 36_526] {
            #expect(throwsStoreError(.invalidInput, "days") { try store.importStatistics(days: days) }, "\(days)")
        }
        #expect(try store.importStatistics(days: 36_525).totalImports == 0)
        for days in [-1, Int.max, Int.min] {
            #expect(throwsStoreError(.invalidInput, "days") { try store.purgeImports(olderThanDays: days) })
        }
        for lease in [Int64.max, 0, -5, 36_526 * Timestamp.day] {
            #expect(
                throwsStoreError(.invalidInput, "lease") {
                    try store.startBatchCrawl(userID: "u", owner: "o", lease: lease)
                })
        }
        let leased = try store.startBatchCrawl(userID: "u", owner: "o", lease: Timestamp.hour)
        #expect(
            throwsStoreError(.invalidInput, "lease") { try store.renewBatchCrawl(userID: "u", owner: "o", lease: .max) }
        )
        #expect(try store.schedule(userID: "u")?.leaseExpiresAt == leased.leaseExpiresAt, "nothing changed")
    }

    @Test func durationsMustBeFiniteAndAtMostACentury() throws {
        let t = try TestStore()
        let started = try t.store.startImport(ImportStart(tableName: "customers"))
        for seconds in [1e308, -1, .infinity, .nan] {
            var completion = ImportCompletion(status: .success)
            completion.insertDurationSeconds = seconds
            #expect(throwsStoreError(.invalidInput, "insert") { try t.store.completeImport(started.id, completion) })
        }
        #expect(try t.store.importRecord(started.id)?.status == .inProgress)
    }
}
