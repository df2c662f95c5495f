@testable import PeelReport
import PeelTestSupport
import PeelText
import Testing

/// PrintedNumber reads ASCII tokens on bytes; this is its Character-level reading, as it was, to check them against.
private func characterReading(_ token: String) -> (value: Double, isPercent: Bool, decimals: Int)? {
    var text = Substring(token.trimmingCharacters(in: " *"))
    guard !text.isEmpty else { return nil }
    var negative = false
    if text.first == "+" { text = text.dropFirst() } else if text.first == "-" || text.first == "–" { negative = true; text = text.dropFirst() }
    let isPercent = text.last == "%"
    if isPercent { text = text.dropLast() }
    guard let first = text.first, first.isASCIIDigit, text.last!.isASCIIDigit else { return nil }
    var digits = ""
    var sawPoint = false
    for character in text {
        if character.isASCIIDigit { digits.append(character) }
        else if character == "," && !sawPoint { continue }
        else if character == "." && !sawPoint { sawPoint = true; digits.append(character) }
        else { return nil }
    }
    // Commas only between groups of three digits, the first of one to three (a decimal comma is no number).
    let whole = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
    let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
    if groups.count > 1, !(1...3).contains(groups[0].count) || groups.dropFirst().contains(where: { $0.count != 3 }) { return nil }
    guard let number = Double(digits) else { return nil }
    let decimals = digits.firstIndex(of: ".").map { digits.distance(from: $0, to: digits.endIndex) - 1 } ?? 0
    return (negative ? -number : number, isPercent, decimals)
}

struct PrintedNumberTests {
    @Test("byte reading agrees with the Character reading")
    func agrees() {
        var tokens = ["+14%", "-0.05%", "4,405", "22.4", "16.0", "*12*", " 7 ", "1.2.3", "12,", ",12", "12.", ".5", "%", "+", "-", "",
                      "1,000,000.25", "3 %", "--3", "+-3", "0012", "9e3", "–5%", "2017", "* 4,5 *", "12a", "1..2", "1,.2",
                      // Around the 15 digits read as one integer, and beyond, where the string is parsed.
                      "999999999999999", "9999999999999999", "0.000000000000001", "0.1234567890123456", "123456789012345.6",
                      "9,007,199,254,740,993", "0.30000000000000004", "-0", "-0.0%", "00000000000000000001.5"]
        let seed: UInt64 = 0x5EED_0015
        print("printed number seed \(seed)")
        var generator = SplitMix(seed: seed)
        let alphabet = Array("0123456789,.+-% *a")
        for _ in 0..<3000 {
            tokens.append(String((0..<Int.random(in: 0..<8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        // Long numbers: up to 22 digits with a point and commas anywhere, most of them numbers.
        let digitsAndMarks = Array("0123456789012345678901234567890123456789,.")
        for _ in 0..<3000 {
            var token = String((0..<Int.random(in: 1..<23, using: &generator)).map { _ in digitsAndMarks.randomElement(using: &generator)! })
            if Bool.random(using: &generator) { token = "-" + token }
            if Bool.random(using: &generator) { token += "%" }
            tokens.append(token)
        }
        for token in tokens {
            let number = PrintedNumber(token)
            let expected = characterReading(token)
            #expect(number?.value == expected?.value, "\(token)")
            #expect(number?.isPercent == expected?.isPercent, "\(token)")
            #expect(number?.decimals == expected?.decimals, "\(token)")
        }
    }

    /// A comma that parts no group of three is a decimal comma, or a slip: before, "22,4" was read as 224.
    @Test("a comma is a thousands separator only between groups of three digits", arguments: [
        ("4,405", 4405.0), ("1,234,567.5", 1234567.5), ("-0,05%", nil), ("22,4", nil), ("1,23", nil), ("1234,567", nil), ("1,2345", nil),
        ("12,345,67", nil), (",123", nil), ("117,951", 117951), ("1,000", 1000), ("−1,000", nil), ("\u{2013}1,000", -1000), ("8,4\u{00A0}", nil),
    ] as [(String, Double?)])
    func thousandsSeparators(token: String, value: Double?) {
        #expect(PrintedNumber(token)?.value == value, "\(token)")
    }

    /// Before: "87,4 percent were satisfied" was 874 percent, "17.130 incidents" a count of 17.13.
    @Test("a sentence's number with a decimal comma, or a count with a fraction, is left out", arguments: [
        ("87.4 percent were satisfied", "87,4 percent were satisfied", Metric.victimSatisfactionPct),
        ("recorded 17,130 incidents", "recorded 17.130 incidents", Metric.asbIncidentsCount),
    ])
    func sentences(printed: String, changed: String, metric: Metric) throws {
        let text = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        #expect(text.contains(printed))
        let read = { (text: String) in try parse(Array(text.utf8)).figures.filter { $0.metric == metric && $0.area == .force } }
        #expect(try read(text).count == 1)
        #expect(try read(text.replacingOccurrences(of: printed, with: changed)).isEmpty)
    }
}

@Suite("Dates in periods")
struct PeriodDateTests {
    @Test("a date that cannot exist gives no period; a real one does")
    func impossibleDates() throws {
        let text = String(decoding: Fixtures.sample(gwent), as: UTF8.self)
        let report = try parse(Array(text.replacingOccurrences(of: "Organised crime groups per 1 million population as at 1 July 2017", with: "Organised crime groups per 1 million population as at 31 June 2017").utf8))
        let ocg = report.figures.filter { $0.metric == .ocgPerMillion && $0.source == .forceInNumbers }
        #expect(!ocg.isEmpty)
        #expect(ocg.allSatisfy { $0.period.asAt == nil })
        #expect(report.problems.contains { $0.severity == .error && $0.message.contains("\"31 June 2017\" cannot exist") })
        #expect(try !parse(Fixtures.sample(gwent)).problems.contains { $0.message.contains("cannot exist") })
        let original = try parse(Fixtures.sample(gwent)).figures.filter { $0.metric == .ocgPerMillion && $0.source == .forceInNumbers }
        #expect(original.allSatisfy { $0.period.asAt?.description == "2017-07-01" })
    }

    @Test("a sentence whose date cannot exist gives its figures no period, not the period of the paragraph before")
    func impossibleDateInSentence() throws {
        let text = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        let changed = text.replacingOccurrences(of: "increased by 7 percent for the 12 months to 30 June 2015", with: "increased by 7 percent for the 12 months to 31 June 2015")
        #expect(changed != text)
        let report = try parse(Array(changed.utf8))
        let change = report.figures.filter { $0.metric == .recordedCrimeChange1yPct && $0.source == .narrative }
        #expect(!change.isEmpty)
        #expect(change.allSatisfy { $0.period == Period() })
        #expect(report.problems.contains { $0.message.contains("\"31 June 2015\" cannot exist") })
    }

    /// Before: both took the period of an earlier paragraph (2014-07-01 to 2015-06-30), not the year to March 2015.
    @Test("a sentence that names a year in a period peel does not read gives its figures no period, nor the sentences after it in its paragraph")
    func unreadPeriodInSentence() throws {
        let text = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        let printed = "in the 12 months to 31 March 2015, 87.4 percent were satisfied"
        #expect(text.contains(printed + " with their whole experience with the police. This is higher than the national victim satisfaction rate of 83.8 percent"))
        let satisfaction = { (text: String) in try parse(Array(text.utf8)).figures.filter { $0.metric == .victimSatisfactionPct } }
        let original = try satisfaction(text)
        #expect(original.map(\.value) == [87.4, 83.8] && original.allSatisfy { $0.period.end?.description == "2015-03-31" })
        let changed = try satisfaction(text.replacingOccurrences(of: printed, with: "in the year to 31 March 2015, 87.4 percent were satisfied"))
        #expect(changed.map(\.value) == [87.4, 83.8])
        #expect(changed.allSatisfy { $0.period == Period() })
    }

    @Test("a sentence whose year an extractor split (\"20 15\") gives its figures no period, not the period of the paragraph before")
    func garbledYearInSentence() throws {
        let text = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        let changed = text.replacingOccurrences(of: "increased by 7 percent for the 12 months to 30 June 2015", with: "increased by 7 percent for the 12 months to 30 June 20 15")
        #expect(changed != text)
        let original = try parse(Fixtures.sample(dyfedPowys)).figures.filter { $0.metric == .recordedCrimeChange1yPct && $0.source == .narrative }
        #expect(!original.isEmpty && original.allSatisfy { $0.period.end?.description == "2015-06-30" })
        let change = try parse(Array(changed.utf8)).figures.filter { $0.metric == .recordedCrimeChange1yPct && $0.source == .narrative }
        #expect(change.map(\.value) == original.map(\.value))
        #expect(change.allSatisfy { $0.period == Period() })
    }

    @Test("a Force in numbers change whose years cannot be read is left out with a problem, not taken for the one-year change")
    func garbledYearsOfChange() throws {
        let text = String(decoding: Fixtures.sample(wiltshire), as: UTF8.self)
        let fiveYears = "12 months to 30 June 2010 against 12 months to 30 June 2015"
        #expect(text.contains(fiveYears))
        let report = try parse(Array(text.replacingOccurrences(of: fiveYears, with: "12 months to 30 June 20 10 against 12 months to 30 June 2015").utf8))
        let original = try parse(Fixtures.sample(wiltshire)).figures.filter { $0.source == .forceInNumbers }
        let changes = report.figures.filter { $0.source == .forceInNumbers && [.recordedCrimeChange1yPct, .recordedCrimeChange5yPct].contains($0.metric) }
        #expect(original.filter { $0.metric == .recordedCrimeChange5yPct }.count == 2)
        // The one-year change is still read; the five-year one is not taken for another one-year change.
        #expect(changes.map(\.metric) == [.recordedCrimeChange1yPct, .recordedCrimeChange1yPct])
        #expect(changes.map(\.value) == original.filter { $0.metric == .recordedCrimeChange1yPct }.map(\.value))
        #expect(report.problems.contains { $0.message.contains("change in recorded crime over periods that cannot be read") && $0.message.contains("20 10") })
    }
}

/// A sentence's number that a pattern reads from its middle: before, "87·4 percent were satisfied" (a raised decimal
/// point, as British typesetting prints it) gave a satisfaction rate of 4.
@Suite("A sentence's number joined to the digits before it")
struct JoinedNumberTests {
    @Test("is read as no figure, said; the sentence's other figures stand", arguments: ["87·4", "80–87.4", "87'4", "86/87.4"])
    func joined(printed: String) throws {
        let text = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        let sentence = ", 87.4 percent were satisfied with their whole experience"
        #expect(text.components(separatedBy: sentence).count == 2)
        let original = try parse(Array(text.utf8))
        let report = try parse(Array(text.replacingOccurrences(of: sentence, with: sentence.replacingOccurrences(of: "87.4", with: printed)).utf8))
        let isForceRate = { (figure: Figure) in figure.metric == .victimSatisfactionPct && figure.area == .force }
        #expect(original.figures.filter(isForceRate).map(\.value) == [87.4])
        #expect(report.figures == original.figures.filter { !isForceRate($0) })
        #expect(report.problems.contains { $0.message.hasSuffix("a number joined to the digits before it, read as no figure") })
    }
}
