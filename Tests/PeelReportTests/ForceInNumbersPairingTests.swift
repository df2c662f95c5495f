import Foundation
import PeelReport
import PeelTestSupport
import Testing

/// Force in numbers pairs each value with a name only when the block says which: as many values as names, none
/// before its name. An extraction that prints a value above its name, or loses one of two values, must not give
/// England and Wales' value to the force.
@Suite("Force in numbers: values pair with names only when certain")
struct ForceInNumbersPairingTests {
    private static let block = "Gwent Police\n\n**74**\n\nEngland and Wales\n\n**77**\n"

    private func withBlock(_ block: String) throws -> Report {
        let text = String(decoding: Fixtures.sample(gwent), as: UTF8.self)
        #expect(text.contains(Self.block))
        return try parse(Array(text.replacingOccurrences(of: Self.block, with: block).utf8))
    }

    /// The force's and England and Wales' charge rates, from Force in numbers.
    private func charged(_ report: Report) -> [String] {
        report.figures.filter { $0.metric == .outcomeRatePct && $0.qualifier == .chargedSummonsed && $0.source == .forceInNumbers }
            .map { "\($0.area.rawValue) \(Int($0.value))" }
    }

    /// The Gwent sample's text and its charge rate's block, which it holds.
    private func chargedBlock() throws -> (text: String, block: String) {
        let text = String(decoding: Fixtures.sample(gwent), as: UTF8.self)
        let block = "Charged/summonsed\n\nGwent Police\n\n**11%**\n"
        #expect(text.contains(block))
        return (text, block)
    }

    private func recordedCrime(_ report: Report) -> [String] {
        report.figures.filter { $0.metric == .recordedCrimePer1000 && $0.source == .forceInNumbers }
            .map { "\($0.area.rawValue) \(Int($0.value))" }
    }

    @Test("the sample pairs 74 with Gwent and 77 with England and Wales; names first, then values, the same")
    func pairs() throws {
        #expect(recordedCrime(try parseSample(gwent)) == ["force 74", "england_and_wales 77"])
        let namesFirst = try withBlock("Gwent Police\n\nEngland and Wales\n\n**74**\n\n**77**\n")
        #expect(recordedCrime(namesFirst) == ["force 74", "england_and_wales 77"])
    }

    @Test("a row's values on one line (pymupdf4llm: \"74 77\") pair as on lines of their own; a value more is a problem")
    func valuesOnOneLine() throws {
        #expect(recordedCrime(try withBlock("Gwent Police\n\nEngland and Wales\n\n74 77\n")) == ["force 74", "england_and_wales 77"])
        #expect(recordedCrime(try withBlock("Gwent Police\n\nEngland and Wales\n\n74\t77\n")) == ["force 74", "england_and_wales 77"])
        let more = try withBlock("Gwent Police\n\nEngland and Wales\n\n74 77 80\n")
        #expect(recordedCrime(more).isEmpty)
        #expect(more.problems.contains { $0.message.hasPrefix("Force in numbers: 3 values for 2 names") })
        // A line of numbers and words is no row of values.
        #expect(recordedCrime(try withBlock("Gwent Police\n\nEngland and Wales\n\n74 and 77\n")).isEmpty)
    }

    @Test("a label and the force's name on one line (pymupdf4llm: \"Charged/summonsed Gwent Police\") read as on lines of their own")
    func labelAndNameOnOneLine() throws {
        let (text, block) = try chargedBlock()
        #expect(charged(try parseSample(gwent)) == ["force 11", "england_and_wales 10"])
        let joined = try parse(Array(text.replacingOccurrences(of: block, with: "Charged/summonsed Gwent Police\n\n**11%**\n").utf8))
        #expect(charged(joined) == ["force 11", "england_and_wales 10"])
        // A value before the joined line is still a value before its name: nothing pairs, and a problem says so.
        let valueFirst = try parse(Array(text.replacingOccurrences(of: block, with: "**11%**\n\nCharged/summonsed Gwent Police\n").utf8))
        #expect(charged(valueFirst).isEmpty)
    }

    @Test("the outcomes' period is their footnote's, known by its words: with its asterisk, escaped, twice escaped or without it; none without the footnote")
    func outcomesFootnote() throws {
        func chargedPeriods(_ report: Report) -> [String] {
            report.figures.filter { $0.metric == .outcomeRatePct && $0.qualifier == .chargedSummonsed && $0.source == .forceInNumbers }
                .map { "\($0.area.rawValue) \($0.period.start?.description ?? "?")…\($0.period.end?.description ?? "?")" }
        }
        let text = String(decoding: Fixtures.sample(gwent), as: UTF8.self)
        let footnote = "\\*Figures are shown as proportions of outcomes"
        #expect(text.contains(footnote))
        let known = ["force 2016-07-01…2017-06-30", "england_and_wales 2016-07-01…2017-06-30"]
        for variant in ["\\*Figures", "*Figures", "\\\\*Figures", "Figures"] {
            let report = try parse(Array(text.replacingOccurrences(of: footnote, with: variant + " are shown as proportions of outcomes").utf8))
            #expect(chargedPeriods(report) == known, "\(variant)")
        }
        let without = try parse(Array(text.replacingOccurrences(of: footnote, with: "Notes on the figures are shown at the end of outcomes").utf8))
        #expect(chargedPeriods(without) == ["force ?…?", "england_and_wales ?…?"])
    }

    @Test("a name and its value on one line (pymupdf4llm: \"England and Wales 77\") pair as on lines of their own")
    func nameAndValueOnOneLine() throws {
        #expect(recordedCrime(try withBlock("Gwent Police\n\n**74**\n\nEngland and Wales 77\n")) == ["force 74", "england_and_wales 77"])
        #expect(recordedCrime(try withBlock("Gwent Police 74\n\nEngland and Wales 77\n")) == ["force 74", "england_and_wales 77"])
        // Two names and one value, or a value then a name: no pairing is certain.
        let twoNames = try withBlock("Gwent Police England and Wales 77\n")
        #expect(recordedCrime(twoNames).isEmpty)
        #expect(twoNames.problems.contains { $0.message.hasPrefix("Force in numbers: 1 values for 2 names") })
        #expect(recordedCrime(try withBlock("**74**\n\nGwent Police\n\nEngland and Wales 77\n")).isEmpty)
        // A year beside a name, or years side by side, are a graphic's legend: never values.
        let legend = try withBlock("Gwent Police 2017\n\nEngland and Wales 2017\n\n**74**\n\n**77**\n")
        #expect(!legend.figures.contains { $0.value == 2017 })
        let years = try withBlock("Gwent Police\n\nEngland and Wales\n\n2016 2017\n\n**74**\n\n**77**\n")
        #expect(!years.figures.contains { $0.value == 2016 || $0.value == 2017 })
    }

    @Test("a pair's name again after its block is whole (reading order set the pair apart from its graphic) opens a block of its own, with no label: left out")
    func nameAgainAfterAWholeBlock() throws {
        // "England and Wales +14%" of the graphic before, printed after this one's pairs: the 74 and 77 stay this
        // graphic's, the stray pair goes to no label, and the next graphic is read as before.
        let report = try withBlock("Gwent Police\n\n**74**\n\nEngland and Wales\n\n**77**\n\nEngland and Wales\n\n**+14%**\n")
        #expect(recordedCrime(report) == ["force 74", "england_and_wales 77"])
        #expect(report.problems.contains { $0.message == "Force in numbers: values with no label; left out" })
        #expect(!report.figures.contains { $0.source == .forceInNumbers && $0.metric == .recordedCrimePer1000 && $0.value == 14 })
        // Before its pairs are whole, a name again is no new block: nothing pairs.
        let early = try withBlock("Gwent Police\n\n**74**\n\nGwent Police\n\nEngland and Wales\n\n**77**\n")
        #expect(recordedCrime(early).isEmpty)
    }

    @Test("graphics set side by side (a grid of panels, as pdftotext -layout prints it) are read a panel at a time")
    func panelsSideBySide() throws {
        let text = String(decoding: Fixtures.sample(gwent), as: UTF8.self)
        guard let start = text.range(of: "### Calls for assistance"), let end = text.range(of: "**31**\n") else {
            Issue.record("the sample's first two graphics are not where they were")
            return
        }
        let grid = """
            Calls for assistance                       Anti-social behaviour
            Incidents per 1,000                        Anti-social behaviour (ASB)
            population 12 months to 30                 incidents per 1,000 population
            June 2017                                  12 months to 31 March 2017
            Gwent Police                               Gwent Police
            338                                        37
            England and Wales                          England and Wales
            282                                        31

            """
        let report = try parse(Array(text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: grid).utf8))
        let firstLine = text[..<start.lowerBound].filter { $0 == "\n" }.count + 1
        func figures(_ metric: Metric) -> [String] {
            report.figures.filter { $0.metric == metric && $0.source == .forceInNumbers }.map { "\($0.area.rawValue) \(Int($0.value)) line \($0.line - firstLine)" }
        }
        // Each value traced to its own line of the grid (0 the panels' titles).
        #expect(figures(.callsForAssistancePer1000) == ["force 338 line 5", "england_and_wales 282 line 7"])
        #expect(figures(.asbIncidentsPer1000) == ["force 37 line 5", "england_and_wales 31 line 7"])
        #expect(!report.problems.contains { $0.message.hasPrefix("Force in numbers") })
        // The graphics after the grid are read as before.
        #expect(recordedCrime(report) == ["force 74", "england_and_wales 77"])
    }

    @Test("a single column whose words `pdftotext -fixed 3` spaces out (columns of spaces between repeated words) is read as it stands")
    func spacedOutWords() throws {
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2017-gwent.fixed3.txt"
        let fixed = try parse(Array(try #require(FileManager.default.contents(atPath: path))))
        func forceInNumbers(_ report: Report) -> [String] {
            report.figures.filter { $0.source == .forceInNumbers }
                .map { "\($0.area.rawValue) \($0.metric.rawValue) \($0.qualifier?.rawValue ?? "-") \($0.value)" }
        }
        let sample = forceInNumbers(try parseSample(gwent))
        #expect(sample.count == 22)
        #expect(forceInNumbers(fixed) == sample)
        #expect(!fixed.problems.contains { $0.message.hasPrefix("Force in numbers") })
    }

    @Test("values printed above their names, or one of two lost, give no value and a problem", arguments: [
        "**74**\n\nGwent Police\n\n**77**\n\nEngland and Wales\n",
        "Gwent Police\n\nEngland and Wales\n\n**77**\n",
        "Gwent Police\n\n**74**\n\n**77**\n\nEngland and Wales\n",
    ])
    func ambiguous(block: String) throws {
        let report = try withBlock(block)
        #expect(recordedCrime(report).isEmpty)
        #expect(report.problems.contains { $0.message.hasPrefix("Force in numbers:") })
        // The other blocks are untouched.
        #expect(report.figures.contains { $0.metric == .callsForAssistancePer1000 && $0.area == .force && $0.value == 338 })
    }

    @Test("a percentage's value printed without \"%\" (a page's number set after the label, the value on the next page) is no value: left out, said")
    func percentWithoutSign() throws {
        let (text, block) = try chargedBlock()
        // Plain pdftotext of a justified page: the page's number "2" after the force's name, the label's last words after
        // it, then the next page's "11%" with no name.
        let moved = try parse(Array(text.replacingOccurrences(of: block, with: "Charged/summonsed\n\nGwent Police\n\n2\n\nJune\n\n**11%**\n").utf8))
        #expect(charged(moved) == [])
        #expect(moved.problems.contains { $0.message.hasPrefix("Force in numbers: outcome_rate_pct is a percentage but a value is printed without \"%\"") })
        // A rate that is no percentage given a value with "%" is as doubtful.
        let percentRate = try withBlock("Gwent Police\n\n**74%**\n\nEngland and Wales\n\n**77**\n")
        #expect(recordedCrime(percentRate).isEmpty)
        #expect(percentRate.problems.contains { $0.message.contains("is no percentage but a value is printed with \"%\"") })
    }

    @Test("a justified label whose words came apart in reading order keeps its \"1,000\" (\"per\" stood before it) and its period")
    func rateBaseInLabel() throws {
        func asb(_ report: Report) -> [String] {
            report.figures.filter { $0.metric == .asbIncidentsPer1000 && $0.source == .forceInNumbers }
                .map { "\($0.area.rawValue) \(Int($0.value)) \($0.period.end.map { "\($0)" } ?? "?")" }
        }
        let text = String(decoding: Fixtures.sample(gwent), as: UTF8.self)
        let label = "Anti-social behaviour (ASB)  \nincidents per 1,000 population  \n12 months to 31 March 2017\n"
        #expect(text.contains(label))
        let sample = asb(try parseSample(gwent))
        #expect(sample == ["force 37 2017-03-31", "england_and_wales 31 2017-03-31"])
        let apart = "Anti-social\nincidents\nper\n12 months to 31 March 2017\n\nbehaviour\n1,000\n\n(ASB)\npopulation\n"
        #expect(asb(try parse(Array(text.replacingOccurrences(of: label, with: apart).utf8))) == sample)
        // Without "per" before it, "1,000" is a value before any name: the block is left out, as before.
        let noPer = "Anti-social\nincidents\n12 months to 31 March 2017\n\nbehaviour\n1,000\n\n(ASB)\npopulation\n"
        let report = try parse(Array(text.replacingOccurrences(of: label, with: noPer).utf8))
        #expect(report.problems.contains { $0.message.hasPrefix("Force in numbers: 1 values for 0 names") })
    }

    @Test("the outcomes' footnote gives their period where a reader parted its words at kerning (pypdf: \"pr oportions\")")
    func outcomesFootnoteKerned() throws {
        let text = String(decoding: Fixtures.sample(gwent), as: UTF8.self)
        let footnote = "*Figures are shown as proportions of outcomes assigned to offences recorded"
        #expect(text.contains(footnote))
        func outcomePeriods(_ report: Report) -> [String] {
            report.figures.filter { $0.metric == .outcomeRatePct && $0.source == .forceInNumbers }
                .map { "\($0.qualifier?.rawValue ?? "-") \($0.area.rawValue) \($0.period.start?.description ?? "?")…\($0.period.end?.description ?? "?")" }
        }
        let expected = outcomePeriods(try parseSample(gwent))
        #expect(expected.count == 6 && expected.allSatisfy { $0.hasSuffix(" 2016-07-01…2017-06-30") })
        let kerned = "*Figures are shown as pr oportions of outcomes assigned to of fences recorded"
        #expect(outcomePeriods(try parse(Array(text.replacingOccurrences(of: footnote, with: kerned).utf8))) == expected)
    }
}
