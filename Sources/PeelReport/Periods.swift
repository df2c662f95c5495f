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
        // Without one, only a period whose year was garbled or left out can be named ("as at June", "12 months to 31
        // March 20 15", "On 1 July 20 17"), and only after "months to", "as at" or "on".
        guard ByteSearch.containsFourDigitRun(bytes) || mayNameYearlessPeriod(bytes) else { return [] }
        // A constant: the local functions below capture its value (a variable they captured was read through a box,
        // with a run-time exclusivity check at every access).
        let words = DateWords.ranges(bytes)
        /// Whether word `index` is `lower` (lowercase ASCII), ignoring ASCII case.
        func word(_ index: Int, is lower: StaticString) -> Bool { DateWords.is(words[index], in: bytes, lower) }
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
            // `Int` of the first four Characters (bytes): in 1990...2100 only as four digits.
            return (dayValue, DateWords.month(month, in: bytes), DateWords.leadingFourDigits(year, in: bytes))
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
        func isMonth(_ index: Int) -> Bool { DateWords.isMonth(words[index], in: bytes) }
        /// Whether word `index` is digits alone (a day as printed, whether or not a month has it).
        func isDigits(_ index: Int) -> Bool { DateWords.isDigits(words[index], in: bytes) }
        /// Whether the words from `index` on begin a date ("June …", "30 June …", "31 Mar …") that was not read: its year
        /// garbled by an extractor ("31 March 20 15"), its month broken ("31 Mar ch 2015": pypdf parts words where a
        /// font's kerning moves a letter) or cut short ("31 Mar 2015"), none given ("12 months to June 2015"), or a day
        /// no month has ("32 June").
        func beginsDate(_ index: Int) -> Bool {
            guard index < words.count else { return false }
            return isMonth(index) || (index + 1 < words.count && isDigits(index)
                && (isMonth(index + 1) || (words[index].count <= 2 && DateWords.beginsMonth(words[index + 1], in: bytes))))
        }
        /// The words to pass over where the date after word `index` names a period that is not known, so that no
        /// period from elsewhere (the paragraph before) stands in for it: a date that cannot exist (its three words
        /// and the one before), or, `countingUnread`, one begun but not read (the word before alone); nil for neither.
        func unknownPeriod(after index: Int, countingUnread: Bool) -> Int? {
            if impossible(from: index + 1) { return 4 }
            return countingUnread && beginsDate(index + 1) ? 1 : nil
        }
        var found: [Period] = []
        var index = 0
        while index < words.count {
            if word(index, is: "to") && index >= 1 && word(index - 1, is: "months") {
                if index >= 2, word(index - 2, is: "12") || word(index - 2, is: "twelve"), let end = date(from: index + 1) {
                    let start = dayAfter((end.year - 1, end.month, end.day))
                    found.append(Period(start: day(start), end: day(end)))
                    index += 4
                    continue
                }
                // A period the text names but that cannot be read as twelve months to a day ("the three months to
                // 30 June 2015", "12 months to 31 March 20 15") is an unknown one.
                if let passed = unknownPeriod(after: index, countingUnread: true) {
                    found.append(Period())
                    index += passed
                    continue
                }
            }
            // "as at 1 July 2017", and "On 1 July 2017, the force had …".
            let asAt = word(index, is: "at") && index >= 1 && word(index - 1, is: "as")
            if asAt || word(index, is: "on") {
                if let day = date(from: index + 1) {
                    found.append(Period(asAt: Dates.day(day)))
                    index += 4
                    continue
                }
                // "as at" always names a period; "on" names one where a year follows the day and month, one that
                // could not be read ("On 1 July 20 17"): "on 5 May it" names an event's day.
                let unreadYear = index + 3 < words.count && isDigits(index + 1) && isMonth(index + 2) && isDigits(index + 3)
                if let passed = unknownPeriod(after: index, countingUnread: asAt || unreadYear) {
                    found.append(Period())
                    index += passed
                    continue
                }
            }
            index += 1
        }
        return found
    }

    /// Whether `bytes` hold the word "months" then "to", "as" then "at" (ASCII case ignored, separators between), or
    /// "on" then a digit: the phrases that may name a period whose year is not printed as one. The words' last letters
    /// ("s", "n") are looked for first.
    private static func mayNameYearlessPeriod(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let isSeparator = DateWords.isSeparator
        func matches(_ word: StaticString, endingAt end: Int) -> Bool {
            let count = word.utf8CodeUnitCount
            guard end >= count, end == count || isSeparator(bytes[end - count - 1]) else { return false }
            let pattern = word.utf8Start
            for offset in 0..<count where ASCIIBytes.lower(bytes[end - count + offset]) != pattern[offset] { return false }
            return true
        }
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            let last = bytes[index] | 0x20
            guard last == 0x73 || last == 0x6E else { continue }  // "s", "n"
            let second: StaticString?
            if last == 0x6E {
                guard matches("o", endingAt: index) else { continue }
                second = nil  // a digit
            } else if matches("month", endingAt: index) {
                second = "to"
            } else if matches("a", endingAt: index) {
                second = "at"
            } else {
                continue
            }
            var next = index + 1
            guard next < bytes.count, isSeparator(bytes[next]) else { continue }
            while next < bytes.count && isSeparator(bytes[next]) { next += 1 }
            guard let second else {
                if next < bytes.count && bytes[next] &- 0x30 < 10 { return true }
                continue
            }
            let pattern = second.utf8Start
            guard next + 2 <= bytes.count, ASCIIBytes.lower(bytes[next]) == pattern[0], ASCIIBytes.lower(bytes[next + 1]) == pattern[1],
                  next + 2 == bytes.count || isSeparator(bytes[next + 2]) else { continue }
            return true
        }
        return false
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

    /// Years between the first and last "months to" periods of a change label ("… 2010 against … 2015" → 5), by the
    /// years their dates print: a day no month has ("31 June 2016") does not hide the year, a year an extractor split
    /// ("20 16") gives none, and with fewer than two years the span is not known.
    static func spanInYears(_ text: String) -> Int? {
        let utf8 = text.utf8
        if let found = utf8.withContiguousStorageIfAvailable({ spanInYears(bytes: $0) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { spanInYears(bytes: $0) }
    }

    private static func spanInYears(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard ByteSearch.containsFourDigitRun(bytes) else { return nil }
        let words = DateWords.ranges(bytes)
        var years: (first: Int, last: Int, count: Int) = (0, 0, 0)
        for index in words.indices.dropFirst() where DateWords.is(words[index], in: bytes, "to") && DateWords.is(words[index - 1], in: bytes, "months") {
            // "… to 30 June 2015" or "… to June 2015".
            var month = index + 1
            if month < words.count, DateWords.isDigits(words[month], in: bytes) { month += 1 }
            guard month + 1 < words.count, DateWords.isMonth(words[month], in: bytes) else { continue }
            guard let value = DateWords.leadingFourDigits(words[month + 1], in: bytes), (1990...2100).contains(value) else { continue }
            years = (years.count == 0 ? value : years.first, value, years.count + 1)
        }
        return years.count >= 2 ? abs(years.last - years.first) : nil
    }
}

/// The words dates are read from: byte ranges of a text split at spaces, tabs, commas and brackets, compared in place.
private enum DateWords {
    static func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x2C || byte == 0x28 || byte == 0x29 }

    static func ranges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        // About one word in six bytes of prose: grown a few times a paragraph, the array cost a quarter of `periods`
        // (callgrind).
        ranges.reserveCapacity(bytes.count / 5 + 8)
        var position = 0
        while position < bytes.count {
            while position < bytes.count && isSeparator(bytes[position]) { position += 1 }
            let start = position
            var digits = false
            while position < bytes.count && !isSeparator(bytes[position]) {
                digits = digits || bytes[position] &- 0x30 < 10
                position += 1
            }
            guard start < position else { continue }
            if digits && position - start >= 4, let glued = gluedDate(start..<position, in: bytes) {
                ranges += glued
            } else {
                ranges.append(start..<position)
            }
        }
        return ranges
    }

    /// A date whose spaces an extractor lost, as its words: "On1July2017" → "On", "1", "July", "2017"; "30June" →
    /// "30", "June" (a justified line's words set without gaps, read as one). A day of one or two digits, a month's
    /// name and, if anything follows, a year's four digits and punctuation; nil for a word that is no such date.
    static func gluedDate(_ word: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        func isDigit(_ offset: Int) -> Bool { bytes[offset] &- 0x30 < 10 }
        guard let dayStart = word.first(where: isDigit) else { return nil }
        var monthStart = dayStart
        while monthStart < word.upperBound && isDigit(monthStart) { monthStart += 1 }
        var monthEnd = monthStart
        while monthEnd < word.upperBound && ASCIIBytes.isLetter(bytes[monthEnd]) { monthEnd += 1 }
        // After the year, nothing but punctuation ("2017." ends a sentence): "1May2016ish", "11May20170" and
        // "1April2015-31March2016" are no date.
        guard monthStart - dayStart <= 2, month(monthStart..<monthEnd, in: bytes) != nil,
              monthEnd == word.upperBound || (word.upperBound - monthEnd >= 4 && (monthEnd..<monthEnd + 4).allSatisfy(isDigit)
                  && !(monthEnd + 4..<word.upperBound).contains { isDigit($0) || ASCIIBytes.isLetter(bytes[$0]) || bytes[$0] == UInt8(ascii: "-") })
        else { return nil }
        return [word.lowerBound..<dayStart, dayStart..<monthStart, monthStart..<monthEnd, monthEnd..<word.upperBound].filter { !$0.isEmpty }
    }

    /// Whether the word is `lower` (lowercase ASCII), ignoring ASCII case.
    static func `is`(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, _ lower: StaticString) -> Bool {
        guard range.count == lower.utf8CodeUnitCount else { return false }
        let pattern = lower.utf8Start
        for offset in 0..<range.count where ASCIIBytes.lower(bytes[range.lowerBound + offset]) != pattern[offset] { return false }
        return true
    }

    /// The month (1–12) the word names, ignoring ASCII case as `Dates.date` reads it, or nil.
    static func month(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        Dates.months.firstIndex { name in
            name.utf8.count == range.count && name.utf8.elementsEqual(bytes[range]) { $0 == ASCIIBytes.lower($1) }
        }.map { $0 + 1 }
    }

    /// Whether the word is a month's name or its first two letters or more ("Mar", "Ju", "Septem").
    static func beginsMonth(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        range.count >= 2 && Dates.months.contains { name in
            name.utf8.count >= range.count && name.utf8.prefix(range.count).elementsEqual(bytes[range]) { $0 == ASCIIBytes.lower($1) }
        }
    }

    /// Whether the word is a month's name.
    static func isMonth(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool { month(range, in: bytes) != nil }

    /// The number the word's first four bytes make where all four are ASCII digits (a year as printed, "2015" of
    /// "2015¹"), or nil.
    static func leadingFourDigits(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard range.count >= 4, isDigits(range.prefix(4), in: bytes) else { return nil }
        return range.prefix(4).reduce(0) { $0 * 10 + Int(bytes[$1] &- 0x30) }
    }

    /// Whether the word is ASCII digits alone.
    static func isDigits(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        range.allSatisfy { bytes[$0] &- 0x30 < 10 }
    }
}
