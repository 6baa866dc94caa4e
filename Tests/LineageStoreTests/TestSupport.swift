import Foundation
import LineageStore

/// The bytes `i % 251` for `i` in `0..<count`: a pattern with no short period at block boundaries.
func patternBytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8($0 % 251) } }

/// Options with a manual clock starting at 2025-01-06T19:15:30Z.
func testOptions(clock: ManualClock = ManualClock(start: 1_736_190_930_000_000)) -> StoreOptions {
    var options = StoreOptions()
    options.clock = clock
    options.durability = .unsafeFast
    return options
}
