#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// RFC 3339 spellings of the format's timestamps (microseconds since the Unix epoch, UTC).
public enum Timestamp {
    /// Microseconds in one second.
    public static let second: Int64 = 1_000_000
    /// Microseconds in one hour.
    public static let hour: Int64 = 3_600 * second
    /// Microseconds in one day.
    public static let day: Int64 = 24 * hour
    /// A hundred years (36,525 days): the longest period, age or duration the store accepts from a caller,
    /// so that times computed from one always stay within range.
    public static let century: Int64 = 36_525 * day

    /// The times RFC 3339 can write, so a record's times can be exported and loaded back: the years 0001
    /// through 9999.
    public static let representable: ClosedRange<Int64> = -62_135_596_800 * second...253_402_300_799_999_999

    /// The times a record can hold: after the Unix epoch (0 means unset) and before the year 10000, so
    /// every stored time can be exported and loaded back.
    public static let storable: ClosedRange<Int64> = 1...representable.upperBound

    /// Why `time`, stored in the field `name`, is not ``storable``, or `nil` (0 means unset).
    package static func violation(_ time: Int64, _ name: String) -> String? {
        time == 0 || storable.contains(time) ? nil : "field \(name) is \(time) µs from the epoch, \(outsideStorable)"
    }

    /// Why a time outside ``storable`` cannot be kept.
    public static let outsideStorable =
        "outside the times a record holds: after 1970-01-01T00:00:00Z (the epoch itself means unset) "
        + "and before the year 10000"

    /// The seconds from `start` to `end`, without overflow whatever the two times are.
    package static func seconds(from start: Int64, to end: Int64) -> Double {
        (Double(end) - Double(start)) / Double(second)
    }

    /// `time + delta`, held at the ends of `Int64`'s range instead of overflowing (a time read from a file
    /// may be anything).
    package static func advanced(_ time: Int64, by delta: Int64) -> Int64 {
        let (sum, overflow) = time.addingReportingOverflow(delta)
        return overflow ? (delta > 0 ? .max : .min) : sum
    }

    /// `2025-01-06T19:15:30.000Z`: UTC with milliseconds, or with microseconds when they are not zero.
    public static func format(_ microseconds: Int64) -> String {
        let (quotient, remainder) = microseconds.quotientAndRemainder(dividingBy: second)
        let (seconds, fraction) = remainder < 0 ? (quotient - 1, remainder + second) : (quotient, remainder)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let date =
            "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
            + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
        let fractionText =
            fraction % 1_000 == 0 ? pad(Int32(fraction / 1_000), 3) : pad(Int32(fraction), 6)
        return "\(date).\(fractionText)Z"
    }

    /// Parses RFC 3339 (`2025-01-06T19:15:30Z`, `…30.5Z`, `…30.123456+02:00`; `t`/`z`/space accepted), or a
    /// plain date `2025-01-06` as its midnight UTC. Returns `nil` for anything else, or sub-microsecond digits
    /// that are not zero.
    public static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int32? {
            guard index + width <= bytes.count else { return nil }
            var value: Int32 = 0
            for byte in bytes[index..<index + width] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int32(byte - 48)
            }
            index += width
            return value
        }
        func expect(_ characters: String) -> Bool {
            guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        var micros: Int64 = 0
        var offset: Int64 = 0
        if index < bytes.count {
            guard expect("Tt "), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
                let secondValue = number(2), hour < 24, minute < 60, secondValue < 61
            else { return nil }
            parts.tm_hour = hour
            parts.tm_min = minute
            parts.tm_sec = secondValue
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                var digits = 0
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    if digits < 6 {
                        micros = micros * 10 + Int64(bytes[index] - 48)
                    } else if bytes[index] != 48 {
                        return nil
                    }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
                for _ in digits..<max(digits, 6) { micros *= 10 }
            }
            if expect("Zz") {
            } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                let sign: Int64 = bytes[index] == UInt8(ascii: "+") ? 1 : -1
                index += 1
                guard let hours = number(2), expect(":"), let minutes = number(2), hours < 24, minutes < 60 else {
                    return nil
                }
                offset = sign * (Int64(hours) * 3_600 + Int64(minutes) * 60)
            } else {
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        let seconds = Int64(timegm(&parts))
        guard parts.tm_mday == day else { return nil }
        let (scaled, overflow) = (seconds - offset).multipliedReportingOverflow(by: second)
        guard !overflow else { return nil }
        return scaled + micros
    }
}
