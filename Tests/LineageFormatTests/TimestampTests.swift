import LineageFormat
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_736_190_930_000_000, "2025-01-06T19:15:30.000Z"),
        (1_736_190_930_123_000, "2025-01-06T19:15:30.123Z"),
        (1_736_190_930_123_456, "2025-01-06T19:15:30.123456Z"),
        (-1, "1969-12-31T23:59:59.999999Z"),
        (951_782_400_000_000, "2000-02-29T00:00:00.000Z"),
    ])
    func formatsAndParsesBack(time: Int64, text: String) {
        #expect(Timestamp.format(time) == text)
        #expect(Timestamp.parse(text) == time)
    }

    @Test func parsesTheSpellingsCrawlersSend() {
        let base: Int64 = 1_736_190_930_000_000
        #expect(Timestamp.parse("2025-01-06T19:15:30Z") == base)
        #expect(Timestamp.parse("2025-01-06t19:15:30.5z") == base + 500_000)
        #expect(Timestamp.parse("2025-01-06 21:15:30+02:00") == base)
        #expect(Timestamp.parse("2025-01-06T19:15:30.123456000Z") == base + 123_456)
        #expect(Timestamp.parse("2025-01-06") == 1_736_121_600_000_000)
    }

    @Test(arguments: [
        "", "2025-13-01T00:00:00Z", "2025-02-30T00:00:00Z", "2025-01-06T19:15:30", "2025-01-06T25:00:00Z",
        "2025-01-06T19:15:30.Z", "2025-01-06T19:15:30.1234567Z", "yesterday", "2025-01-06T19:15:30Zjunk",
    ])
    func refusesMalformedTimes(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test(arguments: [Timestamp.representable.lowerBound, -1, 1, Timestamp.representable.upperBound])
    func everyRepresentableTimeRoundTrips(time: Int64) {
        #expect(Timestamp.parse(Timestamp.format(time)) == time, "\(Timestamp.format(time))")
        #expect((Timestamp.violation(time, "at") == nil) == (time > 0), "only times after the epoch are stored")
    }

    @Test(arguments: [
        Int64.min, Timestamp.representable.lowerBound - 1, Timestamp.representable.lowerBound, -1,
        Timestamp.representable.upperBound + 1, .max,
    ])
    func timesAtOrBeforeTheEpochOrBeyondRFC3339AreViolationsAndFormatWithoutTrapping(time: Int64) {
        _ = Timestamp.format(time)
        #expect(Timestamp.violation(time, "at")?.contains("after 1970-01-01T00:00:00Z") == true)
        #expect(Timestamp.violation(0, "at") == nil, "0 is unset")
    }
}
