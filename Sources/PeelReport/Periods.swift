import PeelLayout
import PeelText

/// Dates as reports print them ("30 June 2017") → ISO 8601, and the periods built from them.
enum Dates {
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    /// "30 June 2017" at the start of `words` → (2017, 6, 30).
    static func date(_ words: ArraySlice<Substring>) -> (year: Int, month: Int, day: Int)? {
        guard words.count >= 3 else { return nil }
        let items = Array(words.prefix(3))
        guard let day = Int(items[0]), (1...31).contains(day),
              let month = months.firstIndex(where: { items[1].equals(ignoringASCIICase: $0) }),
              let year = Int(items[2].prefix(4)), (1990...2100).contains(year) else { return nil }
        // A date that cannot exist ("31 June 2017") is no date.
        guard day <= Day.days(inMonth: month + 1, of: year) else { return nil }
        return (year, month + 1, day)
    }

    /// Whether `words` start with a day, month and year where the day does not exist in that month.
    static func isImpossible(_ words: ArraySlice<Substring>) -> Bool {
        guard words.count >= 3, case let items = Array(words.prefix(3)), let day = Int(items[0]), (29...31).contains(day),
              months.contains(where: { items[1].equals(ignoringASCIICase: $0) }),
              let year = Int(items[2].prefix(4)), (1990...2100).contains(year) else { return false }
        return date(words) == nil
    }

    static func day(_ date: (year: Int, month: Int, day: Int)) -> Day? {
        Day(year: date.year, month: date.month, day: date.day)
    }

    static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// The day after `date`, which may be one past its month's end (a year before 29 February is 29 February of a
    /// year that has none: the twelve months to 29 February 2016 start on 1 March 2015).
    static func dayAfter(_ date: (year: Int, month: Int, day: Int)) -> (year: Int, month: Int, day: Int) {
        if date.day < Day.days(inMonth: date.month, of: date.year) { return (date.year, date.month, date.day + 1) }
        if date.month < 12 { return (date.year, date.month + 1, 1) }
        return (date.year + 1, 1, 1)
    }

    /// Every period a text names, in order: "12 months to 30 June 2017" → start 2016-07-01, end 2017-06-30;
    /// "as at 1 July 2017" → as_at 2017-07-01.
    static func periods(in text: String) -> [Period] {
        // Words are byte ranges (the separators are ASCII) compared in place: this runs on every paragraph that
        // holds a figure, and "to", "at" and "on" are rejected by length. Substrings are made only for a date.
        let utf8 = text.utf8
        if let found = utf8.withContiguousStorageIfAvailable({ periods(in: text, bytes: $0) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { periods(in: text, bytes: $0) }
    }

    private static func periods(in text: String, bytes: UnsafeBufferPointer<UInt8>) -> [Period] {
        // Every period is read from a date whose year's first four Characters are digits in 1990...2100 (`date`,
        // `asciiParts`): a text without four ASCII digits in a row names none, and is not split into words.
        guard ByteSearch.containsFourDigitRun(bytes) else { return [] }
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x2C || byte == 0x28 || byte == 0x29 }
        var wordRanges: [Range<Int>] = []
        // About one word in six bytes of prose: grown a few times a paragraph, the array cost a quarter of this
        // function (callgrind).
        wordRanges.reserveCapacity(bytes.count / 5 + 8)
        var position = 0
        while position < bytes.count {
            while position < bytes.count && isSeparator(bytes[position]) { position += 1 }
            let start = position
            while position < bytes.count && !isSeparator(bytes[position]) { position += 1 }
            if start < position { wordRanges.append(start..<position) }
        }
        // A constant from here: the local functions below capture its value (a variable they captured was read
        // through a box, with a run-time exclusivity check at every access).
        let words = wordRanges
        /// Whether word `index` is `lower` (lowercase ASCII), ignoring ASCII case.
        func word(_ index: Int, is lower: StaticString) -> Bool {
            let range = words[index]
            guard range.count == lower.utf8CodeUnitCount else { return false }
            let pattern = lower.utf8Start
            for offset in 0..<range.count where ASCIIBytes.lower(bytes[range.lowerBound + offset]) != pattern[offset] { return false }
            return true
        }
        func substring(_ range: Range<Int>) -> Substring {
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: range.lowerBound)
            return Substring(text.utf8[start..<text.utf8.index(start, offsetBy: range.count)])
        }
        /// Whether word `index` may be a day: `Int` reads ASCII digits after an optional sign, so a word opening
        /// with anything else is turned away before its substrings are made ("on the", "on behalf": most of them).
        func mayBeDay(_ index: Int) -> Bool {
            let first = bytes[words[index].lowerBound]
            return (first >= 0x30 && first <= 0x39) || first == 0x2B || first == 0x2D
        }
        /// The day, month and year words from `index` on read as `Dates.date` reads them, when the three are ASCII (a
        /// Character is then a byte): nil for a part that is not one. Their substrings, an array of them, `Int` and a
        /// Character compare a month were most of reading a date (callgrind).
        func asciiParts(from index: Int) -> (day: Int?, month: Int?, year: Int?)? {
            let day = words[index], month = words[index + 1], year = words[index + 2]
            guard ByteSearch.firstNonASCII(in: bytes, from: day.lowerBound) >= year.upperBound else { return nil }
            // `Int`: an optional sign, then digits (leading zeros too); a minus, read as no digit, gives no day of a
            // month either way.
            var dayValue: Int?
            var digits = day.lowerBound
            if bytes[digits] == 0x2B { digits += 1 }
            if digits < day.upperBound {
                var value = 0
                for offset in digits..<day.upperBound {
                    guard bytes[offset] &- 0x30 < 10, value < 1_000 else { value = -1; break }  // past 31 is no day either way
                    value = value * 10 + Int(bytes[offset] &- 0x30)
                }
                if value >= 0 { dayValue = value }
            }
            let monthIndex = Dates.months.firstIndex { name in
                name.utf8.count == month.count && name.utf8.elementsEqual(bytes[month]) { $0 == ASCIIBytes.lower($1) }
            }
            // `Int` of the first four Characters (bytes): in 1990...2100 only as four digits.
            var yearValue: Int?
            if year.count >= 4, (0..<4).allSatisfy({ bytes[year.lowerBound + $0] &- 0x30 < 10 }) {
                yearValue = (0..<4).reduce(0) { $0 * 10 + Int(bytes[year.lowerBound + $1] &- 0x30) }
            }
            return (dayValue, monthIndex.map { $0 + 1 }, yearValue)
        }
        /// `date` of the words from `index` on.
        func date(from index: Int) -> (year: Int, month: Int, day: Int)? {
            guard words.count - index >= 3, mayBeDay(index) else { return nil }
            if let parts = asciiParts(from: index) {
                guard let day = parts.day, (1...31).contains(day), let month = parts.month, let year = parts.year, (1990...2100).contains(year),
                      day <= Day.days(inMonth: month, of: year) else { return nil }
                return (year, month, day)
            }
            return Dates.date([substring(words[index]), substring(words[index + 1]), substring(words[index + 2])][...])
        }
        /// A date that cannot exist names a period that is not known: an empty one, so that no period from
        /// elsewhere (the paragraph before) stands in for it.
        func impossible(from index: Int) -> Bool {
            guard words.count - index >= 3, mayBeDay(index) else { return false }
            if let parts = asciiParts(from: index) {
                guard let day = parts.day, (29...31).contains(day), let month = parts.month, let year = parts.year,
                      (1990...2100).contains(year) else { return false }
                return day > Day.days(inMonth: month, of: year)
            }
            return Dates.isImpossible([substring(words[index]), substring(words[index + 1]), substring(words[index + 2])][...])
        }
        var found: [Period] = []
        var index = 0
        while index < words.count {
            if word(index, is: "to") && index >= 2 && word(index - 1, is: "months") && words[index - 2].count == 2
                && bytes[words[index - 2].lowerBound] == 0x31 && bytes[words[index - 2].lowerBound + 1] == 0x32,  // "12"
               let end = date(from: index + 1) {
                let start = dayAfter((end.year - 1, end.month, end.day))
                found.append(Period(start: day(start), end: day(end)))
                index += 4
                continue
            }
            if word(index, is: "to") && index >= 2 && word(index - 1, is: "months") && impossible(from: index + 1) {
                found.append(Period())
                index += 4
                continue
            }
            // "as at 1 July 2017", and "On 1 July 2017, the force had …".
            if (word(index, is: "at") && index >= 1 && word(index - 1, is: "as")) || word(index, is: "on") {
                if let day = date(from: index + 1) {
                    found.append(Period(asAt: Dates.day(day)))
                    index += 4
                    continue
                }
                if impossible(from: index + 1) {
                    found.append(Period())
                    index += 4
                    continue
                }
            }
            index += 1
        }
        return found
    }

    /// The lines that may print a date that cannot exist: a day over 28 before a short month ("29 F…", "30 F…",
    /// "31 A…", "31 J…", "31 S…", "31 N…"), looked for in one pass over the text's bytes.
    static func linesWithImpossibleDates(_ text: LaidOutText) -> [Int] {
        func isShortMonth(_ byte: UInt8) -> Bool { "ajsn".utf8.contains(byte | 0x20) }
        let one = UInt8(ascii: "1"), zero = UInt8(ascii: "0"), two = UInt8(ascii: "2"), f = UInt8(ascii: "f")
        let thirties = text.lines(where: UInt8(ascii: "3")) { (bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Bool in
            guard at + 3 < bytes.count, bytes[at + 2] == 0x20 else { return false }
            if bytes[at + 1] == one { return isShortMonth(bytes[at + 3]) }
            return bytes[at + 1] == zero && bytes[at + 3] | 0x20 == f
        }
        let twentyNinths = text.lines(where: UInt8(ascii: "9")) { (bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Bool in
            guard at >= 1, at + 2 < bytes.count, bytes[at - 1] == two, bytes[at + 1] == 0x20 else { return false }
            return bytes[at + 2] | 0x20 == f
        }
        return Array(Set(thirties + twentyNinths)).sorted()
    }

    /// Dates a text prints that cannot exist ("31 June 2017", "29 February 2015"), as printed.
    static func impossibleDates(in text: String) -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" })
        return words.indices.dropLast(2).filter { isImpossible(words[$0...]) }.map { index in
            "\(Int(words[index])!) \(words[index + 1]) \(words[index + 2].prefix(4))"
        }
    }

    /// Years between the two "12 months to" periods of a change label ("… 2010 against … 2015" → 5).
    static func spanInYears(_ text: String) -> Int? {
        let ends = periods(in: text).compactMap(\.end)
        guard ends.count >= 2 else { return nil }
        return abs(ends[ends.count - 1].year - ends[0].year)
    }
}
