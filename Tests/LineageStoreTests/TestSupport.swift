import Foundation
import LineageFormat
import LineageStore
import TestSupport

/// The bytes `i % 251` for `i` in `0..<count`: a pattern with no short period at block boundaries.
func patternBytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8($0 % 251) } }

/// Options with a manual clock starting at 2025-01-06T19:15:30Z.
func testOptions(clock: ManualClock = ManualClock(start: 1_736_190_930_000_000)) -> StoreOptions {
    var options = StoreOptions()
    options.clock = clock
    options.durability = .unsafeFast
    return options
}

/// A fresh store in a temporary directory with a manual clock; keep `directory` alive while using it.
struct TestStore {
    let directory: TemporaryDirectory
    let clock: ManualClock
    let store: LineageStore

    init() throws {
        directory = try TemporaryDirectory()
        clock = ManualClock(start: 1_736_190_930_000_000)
        store = try LineageStore.open(at: directory.path("db.lineage"), options: testOptions(clock: clock))
    }

    /// Moves the clock forward by `seconds`.
    func advance(seconds: Int64) { clock.advance(by: seconds * Timestamp.second) }
}

/// Whether `body` throws a ``StoreError`` with `code` whose message contains every one of `words`.
func throwsStoreError(_ code: StoreError.Code, _ words: String..., body: () throws -> Void) -> Bool {
    do {
        try body()
        return false
    } catch let error as StoreError {
        return error.code == code && words.allSatisfy { error.message.contains($0) }
    } catch {
        return false
    }
}
