import Foundation
@testable import PeelReport
import PeelTestSupport
import Testing

@Suite("Days of a period")
struct DayTests {
    /// The Gregorian calendar's own answer: whether the day exists (the components come back unchanged).
    private func exists(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return false }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return (back.year, back.month, back.day) == (year, month, day)
    }

    @Test("a day exists exactly when the Gregorian calendar has it; it prints as ISO 8601 and reads back; days order as their text")
    func againstCalendar() throws {
        let seed = UInt64(0xDA7E)
        var generator = SplitMix(seed: seed)
        print("DayTests.againstCalendar seed \(seed)")
        var days: [Day] = []
        for _ in 0..<4000 {
            // Month ends and leap years are where mistakes hide: days 27–32 and months 0–13 often. Years from 1583:
            // Foundation's calendar is Julian before October 1582 (`Day` is Gregorian throughout).
            let year = Bool.random(using: &generator) ? Int.random(in: 1583...9999, using: &generator)
                : [1900, 2000, 2015, 2016, 2100, 2400].randomElement(using: &generator)!
            let month = Int.random(in: 0...13, using: &generator)
            let day = Bool.random(using: &generator) ? Int.random(in: 0...32, using: &generator) : Int.random(in: 27...32, using: &generator)
            let made = Day(year: year, month: month, day: day)
            let expected = (1...12).contains(month) && day >= 1 && exists(year, month, day)
            #expect((made != nil) == expected, "seed \(seed): \(year)-\(month)-\(day)")
            guard let made else { continue }
            #expect((made.year, made.month, made.day) == (year, month, day))
            let text = String(format: "%04d-%02d-%02d", year, month, day)
            #expect(made.description == text)
            #expect(Day(iso: text) == made)
            days.append(made)
        }
        #expect(days.count > 1000, "seed \(seed): the draw made enough real days")
        #expect(days.sorted().map(\.description) == days.map(\.description).sorted())
        // A day read back from JSON is the same day, written as its ISO text.
        let json = try JSONEncoder().encode(days)
        #expect(try JSONDecoder().decode([Day].self, from: json) == days)
        #expect(String(decoding: try JSONEncoder().encode([days[0]]), as: UTF8.self) == "[\"\(days[0])\"]")
    }

    @Test("periods hash by their three days: equal ones alike, distinct ones (seeded) almost never the same")
    func periodHashes() {
        let seed: UInt64 = 20261207
        print("period hash seed \(seed)")
        var generator = SplitMix(seed: seed)
        func day() -> Day? {
            Int.random(in: 0..<4, using: &generator) == 0 ? nil
                : Day(year: Int.random(in: 2010...2020, using: &generator), month: Int.random(in: 1...12, using: &generator), day: Int.random(in: 1...28, using: &generator))
        }
        var periods = Set<Period>()
        var parts = Set<[String]>()
        var hashes = Set<Int>()
        for _ in 0..<3000 {
            let (start, end, asAt) = (day(), day(), day())
            let period = Period(start: start, end: end, asAt: asAt)
            // The same days, a period made apart: equal, and so hashed alike.
            let again = Period(start: start.map { Day(iso: $0.description)! }, end: end, asAt: asAt)
            #expect(period == again && period.hashValue == again.hashValue)
            // The same day in another of the three places is another period.
            if let start, end == nil, asAt == nil { #expect(Period(start: start) != Period(end: start)) }
            periods.insert(period)
            parts.insert([start?.description ?? "-", end?.description ?? "-", asAt?.description ?? "-"])
            hashes.insert(period.hashValue)
        }
        #expect(periods.count == parts.count)
        #expect(hashes.count >= periods.count - 2, "seed \(seed): \(periods.count) periods, \(hashes.count) hashes")
        #expect(Set([Period(start: Day(iso: "2016-01-01")), Period(end: Day(iso: "2016-01-01")), Period(asAt: Day(iso: "2016-01-01"))].map(\.hashValue)).count == 3)
    }

    @Test("text that is not a whole ISO day is none", arguments: [
        "2017-6-30", "2017-06-3", "2017-06-301", "2017/06/30", "2017-13-01", "2017-00-10", "2017-06-00", "2017-06-31",
        "2015-02-29", "1900-02-29", "0999-12-31", "+017-06-30", "2017-0x-30", "", " 2017-06-30",
    ])
    func notADay(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("twelve months to a day start the day after it a year before; a year before 29 February starts 1 March")
    func twelveMonths() {
        let cases = [
            ("the 12 months to 30 June 2017", "2016-07-01", "2017-06-30"),
            ("in the 12 months to 31 December 2016", "2016-01-01", "2016-12-31"),
            ("for the 12 months to 29 February 2016", "2015-03-01", "2016-02-29"),
            ("12 months to 28 February 2017", "2016-02-29", "2017-02-28"),
        ]
        for (text, start, end) in cases {
            let periods = Dates.periods(in: text)
            #expect(periods.count == 1 && periods[0].start?.description == start && periods[0].end?.description == end && periods[0].asAt == nil, "\(text)")
        }
        #expect(Dates.periods(in: "as at 1 July 2017").map { $0.asAt?.description } == ["2017-07-01"])
        #expect(Dates.periods(in: "12 months to 31 June 2017") == [Period()])
        #expect(Dates.periods(in: "the twelve months to 30 June 2017").map { $0.end?.description } == ["2017-06-30"])
    }

    @Test("a period named but not read as twelve months to a day is an unknown one, so none from elsewhere stands in",
          arguments: ["in the 12 months to 31 March 20 15, the force", "12 months to June 2015 the force", "the three months to 30 June 2015",
                      "18 months to 30 June 2015", "as at June 2015", "As at 1 July 2O17", "12 months to 30 june 201",
                      "12 months to 32 June 2016", "On 1 July 20 17, the force had", "in the 12 months to 31 Mar ch 2015, 83.8 percent",
                      "as at 1 Ju ly 2017", "12 months to 31 Mar 2015"])
    func unreadPeriod(_ text: String) {
        #expect(Dates.periods(in: text) == [Period()], "\(text)")
    }

    @Test("a date an extractor set without its spaces is read as printed with them", arguments: [
        ("On1July2017,GwentPolicehad33mapped", Period(asAt: Day(iso: "2017-07-01"))),
        ("in the 12 months to30June2015 the force", Period(start: Day(iso: "2014-07-01"), end: Day(iso: "2015-06-30"))),
        ("as at 1July 2017", Period(asAt: Day(iso: "2017-07-01"))),
        ("As at1july2017.", Period(asAt: Day(iso: "2017-07-01"))),
        ("12 months to 30June 20 15", Period()),
    ])
    func gluedDate(_ text: String, _ period: Period) {
        #expect(Dates.periods(in: text) == [period], "\(text)")
    }

    @Test("a word that only holds a month and digits is no date", arguments: [
        "In2016 the force", "on 123July2017 it", "on 1Julyish 2017", "on 1July20 it", "as at May2017", "on Q1June2017",
        "on 1May2016ish", "on 11May20170", "on 1April2015-31March2016",
    ])
    func notGluedDate(_ text: String) {
        #expect(Dates.periods(in: text).allSatisfy { $0.asAt == nil && $0.end == nil }, "\(text)")
    }

    @Test("a change's span is read from the years its periods print, where their days cannot be read too", arguments: [
        ("12 months to 30 June 2010 against 12 months to 30 June 2015", 5),
        ("Change in recorded crime 12 months to 30 June 2015 against 12 months to 31 June 2016", 1),
        ("12 months to 30 June 2016 against 12 months to 32 June 2017", 1),
        ("12 months to June 2016 against 12 months to June 2017", 1),
        ("12 months to 30 June 2010, against 12 months to 30 June 2015¹", 5),
    ])
    func spanOfChange(_ text: String, _ years: Int) {
        #expect(Dates.spanInYears(text) == years, "\(text)")
    }

    @Test("a change whose years cannot both be read has no span", arguments: [
        "12 months to 30 June 20 10 against 12 months to 30 June 2015", "Change in recorded crime 12 months to 30 June 2015",
        "12 months to the end of June 2010 against 12 months to 30 June 2015", "12 months to 30 June 2O10 against 12 months to 30 June 2015",
    ])
    func unknownSpan(_ text: String) {
        #expect(Dates.spanInYears(text) == nil, "\(text)")
    }

    @Test("a day alone, or months to no date, names no period",
          arguments: ["On 12 June the force", "on 30 June 2015 officers", "12 months to assess whether", "the months to come", "as at 2015",
                     "on 5 May it arrested 12"])
    func noPeriodNamed(_ text: String) {
        #expect(Dates.periods(in: text).allSatisfy { $0 != Period() }, "\(text)")
    }

    /// The periods of a text by their plain definition: its words split at the separators, and every "to", "at" and
    /// "on" in place tried with `Dates.date` and `Dates.isImpossible` of the three words after it.
    private func plainPeriods(_ text: String) -> [Period] {
        // A word that is a date with its spaces lost ("On1July2017", "30June") is its words.
        let months = Dates.months.joined(separator: "|")
        let glued = try! NSRegularExpression(pattern: "^([^0-9]*)([0-9]{1,2})(\(months))((?:[0-9]{4}[^A-Za-z0-9-]*)?)$", options: .caseInsensitive)
        let words = text.split(whereSeparator: { " \t,()".contains($0) }).flatMap { word -> [Substring] in
            let whole = String(word)
            guard let match = glued.firstMatch(in: whole, range: NSRange(whole.startIndex..., in: whole)) else { return [word] }
            return (1...4).map { whole[Range(match.range(at: $0), in: whole)!] }.filter { !$0.isEmpty }
        }
        func date(_ index: Int) -> (year: Int, month: Int, day: Int)? { index + 3 <= words.count ? Dates.date(words[index..<(index + 3)]) : nil }
        func impossible(_ index: Int) -> Bool { index + 3 <= words.count && Dates.isImpossible(words[index..<(index + 3)]) }
        func isMonth(_ index: Int) -> Bool { Dates.months.contains { words[index].equals(ignoringASCIICase: $0) } }
        func isDay(_ index: Int) -> Bool { words[index].utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        /// A month, or a day and a month or its first two letters or more, that were not read as a date.
        func beginsMonth(_ index: Int) -> Bool {
            words[index].count >= 2 && Dates.months.contains { $0.lowercased().hasPrefix(words[index].lowercased()) && words[index].allSatisfy(\.isASCII) }
        }
        func beginsDate(_ index: Int) -> Bool {
            index < words.count && (isMonth(index) || (index + 1 < words.count && isDay(index)
                && (isMonth(index + 1) || (words[index].count <= 2 && beginsMonth(index + 1)))))
        }
        var found: [Period] = []
        var index = 0
        while index < words.count {
            let word = words[index].lowercased()
            let afterMonths = word == "to" && index >= 1 && words[index - 1].lowercased() == "months"
            if afterMonths && index >= 2 && ["12", "twelve"].contains(words[index - 2].lowercased()), let end = date(index + 1) {
                let start = Dates.dayAfter((end.year - 1, end.month, end.day))
                found.append(Period(start: Dates.day(start), end: Dates.day(end)))
                index += 4
                continue
            }
            if afterMonths && impossible(index + 1) {
                found.append(Period())
                index += 4
                continue
            }
            if afterMonths && beginsDate(index + 1) {
                found.append(Period())
                index += 1
                continue
            }
            let asAt = word == "at" && index >= 1 && words[index - 1].lowercased() == "as"
            if asAt || word == "on" {
                if let day = date(index + 1) {
                    found.append(Period(asAt: Dates.day(day)))
                    index += 4
                    continue
                }
                if impossible(index + 1) {
                    found.append(Period())
                    index += 4
                    continue
                }
                let unreadYear = index + 3 < words.count && isDay(index + 1) && isMonth(index + 2) && isDay(index + 3)
                if (asAt || unreadYear) && beginsDate(index + 1) {
                    found.append(Period())
                    index += 1
                    continue
                }
            }
            index += 1
        }
        return found
    }

    @Test("the periods read from a text are those of their plain definition (seeded texts of period words)")
    func periodsAgainstDefinition() {
        let seed: UInt64 = 0x9E12_0D5
        print("DayTests.periodsAgainstDefinition seed \(seed)")
        var generator = SplitMix(seed: seed)
        let openings = [["12", "months", "to"], ["12", "Months", "TO"], ["13", "months", "to"], ["months", "to"], ["twelve", "months", "to"],
                        ["Twelve", "months", "to"], ["three", "months", "to"], ["as", "at"], ["As", "AT"],
                        ["at"], ["on"], ["On"], ["to"], ["the", "force"]]
        let days = ["1", "+1", "-1", "01", "29", "30", "31", "+31", "0", "32", "1st", "é", "30June", "+0005", "00031", "1000031", "+", "-0", "3é",
                    "000000000000000000031", "99999999999999999999"]
        let months = ["June", "july", "February", "SEPTEMBER", "Juneau", "crime", "june,", "JUNE", "FÉBRUARY", "Ju", "\u{212A}"]
        let years = ["2016", "2017", "20171", "1989", "2101", "4,405", "2O17", "2015a", "+201", "201", "2100", "1990", "2016é", "２０１６"]
        let separators = [" ", " ", " ", "  ", "\t", ", ", " (", ") ", ","]
        var texts = ["on 1 July 2017, the force had", "the 12 months to 31 June 2017", "as at +1 July 2017", "on -1 July 2017"]
        for _ in 0..<6000 {
            var words: [String] = []
            for _ in 0..<Int.random(in: 0..<5, using: &generator) {
                // An opening and a day, month and year after it, each part sometimes left out.
                words += openings.randomElement(using: &generator)!
                for part in [days, months, years] where Int.random(in: 0..<8, using: &generator) > 0 {
                    words.append(part.randomElement(using: &generator)!)
                }
            }
            texts.append(words.map { $0 + separators.randomElement(using: &generator)! }.joined())
        }
        var withPeriods = 0
        for text in texts {
            let expected = plainPeriods(text)
            if !expected.isEmpty { withPeriods += 1 }
            #expect(Dates.periods(in: text) == expected, "seed \(seed): \(text)")
        }
        #expect(withPeriods > 300, "seed \(seed): the draw named enough periods")
    }
}
