import Foundation
@testable import PeelPipeline
import PeelTestSupport
import Testing

/// Dates reach Parquet as days since 1970-01-01, read from the tables' "YYYY-MM-DD" text by hand (a table can hold
/// one in every row): checked against Foundation's Gregorian calendar, and refused when the text is not such a date.
@Suite("Parquet dates")
struct ParquetDateTests {
    @Test("days since 1970 agree with Foundation's calendar for seeded dates from 1600 to 2400")
    func agreesWithCalendar() {
        let seed = ProcessInfo.processInfo.environment["PEEL_PARQUET_SEED"].flatMap { UInt64($0) } ?? 20261201
        print("parquet dates seed \(seed) (set PEEL_PARQUET_SEED to replay)")
        var generator = SplitMix(seed: seed)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for _ in 0..<2000 {
            let year = Int.random(in: 1600...2400, using: &generator), month = Int.random(in: 1...12, using: &generator)
            let day = Int.random(in: 1...calendar.range(of: .day, in: .month, for: calendar.date(from: DateComponents(year: year, month: month))!)!.count,
                                 using: &generator)
            let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
            let text = String(format: "%04d-%02d-%02d", year, month, day)
            #expect(ParquetTableOutput.days(text) == Int((date.timeIntervalSince1970 / 86400).rounded(.down)), "\(text)")
        }
        #expect(ParquetTableOutput.days("1970-01-01") == 0)
        #expect(ParquetTableOutput.days("2016-02-29") == 16860)
    }

    @Test("text that is not a YYYY-MM-DD date gives no day", arguments: ["", "2016-13-01", "2016-00-10", "2016-01-32", "2016-1-01", "20160101",
                                                                       "2016-01-01T00", "+016-01-01", "2016/01/01", "２016-01-01", "2016-01"])
    func refusesOtherText(_ text: String) {
        #expect(ParquetTableOutput.days(text) == nil)
    }
}
