import ArgumentParser
import Foundation
import LineageFormat
import LineageStore

/// Spellings for people: times, durations, bars.
enum Human {
    /// `2025-01-06 19:15:30Z`, or `-` for none (or zero).
    static func time(_ microseconds: Int64?) -> String {
        guard let microseconds, microseconds != 0 else { return "-" }
        let text = Timestamp.format(microseconds)
        return String(text.prefix(19)).replacingOccurrences(of: "T", with: " ") + "Z"
    }

    /// `3 min ago`, `in 2 h`, or `-` for none (or zero).
    static func relative(_ microseconds: Int64?, now: Int64) -> String {
        guard let microseconds, microseconds != 0 else { return "-" }
        let delta = now - microseconds
        let text = duration(Double(abs(delta)) / 1e6)
        return delta >= 0 ? "\(text) ago" : "in \(text)"
    }

    /// `850 ms`, `12.5 s`, `4 min`, `3 h 05 min`, `2 d 04 h`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, (0..<1e12).contains(seconds) else { return "\(seconds) s" }
        if seconds < 1 { return "\(Int(seconds * 1000)) ms" }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        if seconds < 3600 { return "\(Int(seconds / 60)) min" }
        if seconds < 86_400 { return String(format: "%d h %02d min", Int(seconds / 3600), Int(seconds / 60) % 60) }
        return String(format: "%d d %02d h", Int(seconds / 86_400), Int(seconds / 3600) % 24)
    }

    /// `[#####.....] 50%` for `done` of `total`.
    static func bar(_ done: Int64, of total: Int64, width: Int = 20) -> String {
        guard total > 0 else { return "" }
        let fraction = min(1, max(0, Double(done) / Double(total)))
        let filled = Int(fraction * Double(width))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + String(format: "%3.0f%%", fraction * 100)
    }
}

/// Parses a time option: RFC 3339 (`2025-01-06T19:15:30Z`), a date, `now`, or an age such as `24h`, `7d`,
/// `30m` (that long before now).
func parseTime(_ text: String, now: Int64) throws -> Int64 {
    if text == "now" { return now }
    if let time = Timestamp.parse(text) { return time }
    if let age = try age(text) { return now - age }
    throw ValidationError("\(text) is not a time: use RFC 3339 (2025-01-06T19:15:30Z), a date, now, or an age like 24h")
}

/// Parses a span such as `90s`, `10m`, `24h` or `7d` into microseconds.
func parseSpan(_ text: String) throws -> Int64 {
    guard let span = try age(text) else {
        throw ValidationError("\(text) is not a span: use one like 90s, 10m, 24h, 7d")
    }
    return span
}

/// `text` as a count and a unit (`s`, `m`, `h`, `d`) in microseconds, or `nil` if it is not one; at most 100
/// years.
private func age(_ text: String) throws -> Int64? {
    let units: [Character: Int64] = [
        "s": Timestamp.second, "m": 60 * Timestamp.second, "h": Timestamp.hour, "d": Timestamp.day,
    ]
    guard let unit = text.last.flatMap({ units[$0] }), let count = Int64(text.dropLast()), count >= 0 else {
        return nil
    }
    let (age, overflow) = count.multipliedReportingOverflow(by: unit)
    guard !overflow, age <= Timestamp.century else {
        throw ValidationError("\(text) is more than 100 years: give an RFC 3339 time instead")
    }
    return age
}
