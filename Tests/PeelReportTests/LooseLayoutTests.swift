import Foundation
@testable import PeelLayout
@testable import PeelReport
import PeelTestSupport
import PeelText
import Testing

/// What pdfminer.six with other margins than its defaults and `pdftotext -colspacing 2` print: each line a block
/// (the text double-spaced), a table's labels run together while its numbers stand apart, a footnote that lost its
/// number under a list item. (Their committed extractions are coverage rows; these tests hold each reading alone.)
@Suite("Double-spaced text and loosely grouped extractions")
struct LooseLayoutTests {
    private func lines(_ bytes: [UInt8]) throws -> NormalisedLines { NormalisedText(try TextDecoder.decode(bytes)).lines }

    @Test("double spacing is told by blank lines inside sentences: wrapped and double-spaced samples are, the samples and wrapped ones not")
    func toldDoubleSpaced() throws {
        for name in [dyfedPowys, nationalOverview, wiltshire, gwent, westMercia] {
            let sample = Fixtures.sample(name)
            let wrapped = Layout.hardWrap(width: 76)(sample)
            #expect(!LaidOutText.isDoubleSpaced(try lines(sample)), "\(name)")
            #expect(!LaidOutText.isDoubleSpaced(try lines(wrapped)), "\(name)")
            #expect(LaidOutText.isDoubleSpaced(try lines(Layout.doubleSpaced(wrapped))), "\(name)")
        }
    }

    /// "… police recorded crime (excluding fraud) for the 12 months to" / "30 June 2015 fell by 9 percent …", a blank
    /// line between: "Over this same period" took the period of the half-sentence's "12 months to 30 June 2010".
    @Test("a sentence a blank line cuts in double-spaced text is read whole: the five-year changes keep their period")
    func sentenceAcrossSpacing() throws {
        let changes = { (report: Report) in
            report.figures.filter { $0.metric == .victimBasedCrimeChange5yPct || $0.metric == .recordedCrimeChange5yPct }
                .map { "\($0.area) \($0.metric) \($0.value) \($0.period)" }
        }
        let sample = changes(try parseSample(dyfedPowys))
        #expect(sample.count == 4)
        for width in [70, 80, 90] {
            let variant = Layout.doubleSpaced(Layout.hardWrap(width: width)(Fixtures.sample(dyfedPowys)))
            #expect(changes(try parse(variant)) == sample, "wrapped at \(width)")
        }
    }

    /// "3. assign capable lead … dismantling them." / "These officers should …", a blank line after each: the blank line
    /// after a sentence's end is the spacing too, and the item's second sentence stays in it.
    @Test("a numbered list item of two sentences in double-spaced text is read whole")
    func itemOfTwoSentences() throws {
        let item = { (report: Report) in report.findings.first { $0.text.hasPrefix("assign capable lead responsible officers") }?.text }
        let expected = try #require(item(try parseSample(westMercia)))
        #expect(expected.hasSuffix("approach to tackling serious and organised crime;"))
        for width in [73, 81] {
            let variant = Layout.doubleSpaced(Layout.hardWrap(width: width)(Layout.numberedLists(Fixtures.sample(westMercia))))
            #expect(item(try parse(variant)) == expected, "wrapped at \(width)")
        }
    }

    @Test("a grade table's counts with a grade after them (its labels' row cut) are not read, in whatever order they stand")
    func countsBeforeLastGrade() throws {
        let text = String(decoding: Fixtures.sample(nationalOverview), as: UTF8.self)
        let table = "Outstanding\tGood\tRequires improvement\tInadequate\n3\t32\t8\t0\n"
        #expect(text.contains(table))
        for counts in ["8\n3\n\n32", "3\n32\n\n8"] {
            let variant = text.replacingOccurrences(of: table, with: "Outstanding Good Requires improvement\n\(counts)\n\nInadequate\n0\n")
            let report = try parse(Array(variant.utf8))
            #expect(!report.gradeDistributions.contains { $0.question == .seriousOrganisedCrime })
            #expect(report.problems.contains { $0.message.hasPrefix("grade distribution table with a grade (inadequate) after its counts") })
        }
    }

    /// pdfminer with a small line margin: "Avon and Somerset", "Good", "Bedfordshire", "Requires improvement",
    /// "Cambridgeshire", "Good", "Requires improvement", "Good", …: a column's cells among the rows'.
    @Test("an all-force table whose rows hold other forces' names is read no further: no grade is given to the wrong force")
    func namesAmongGrades() throws {
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2015-national-overview.pdfminer-tight.txt"
        let text = String(decoding: try readBytes(path), as: UTF8.self)
        #expect(text.contains("Avon and Somerset\n\nGood\n\nBedfordshire\n"))
        let report = try parse(Array(text.utf8))
        #expect(report.judgments.isEmpty)
        #expect(report.problems.contains { $0.message.contains("is not printed a row at a time") })
    }

    @Test("a list item's bullet \"•\" after a line that ends mid-sentence is no wrapped line: the recommendation reads as the sample's")
    func bulletAfterUnfinishedLine() throws {
        let text = String(decoding: Fixtures.sample(nationalOverview), as: UTF8.self)
        let parts = "- with regard to both local force priorities (in particular, as specified in the relevant police and crime plan) and National Crime Agency (NCA) priorities; and\n- with regard to the other recommendations"
        #expect(text.contains(parts))
        let variant = text.replacingOccurrences(of: parts, with: "• with regard to both local force priorities (in particular, as specified in the relevant police and\n\ncrime plan) and National Crime Agency (NCA) priorities; and\n• with regard to the other recommendations")
        let recommendation = { (report: Report) in report.findings.first { $0.text.hasPrefix("By 30 June 2016, every police force") }?.text }
        let expected = try #require(recommendation(try parseSample(nationalOverview)))
        #expect(recommendation(try parse(Array(variant.utf8))) == expected)
    }

    /// `pdftotext -colspacing 2`: "… sharing of effective practice." / "*Crime Inspection 2014 – Wiltshire Police*, HMIC,
    /// November 2014. Available from:" / "www.justiceinspectorates.gov.uk/…pdf", with no footnote number or blank line.
    @Test("a citation that lost its footnote number and blank line under a list item ends the item")
    func citationUnderItem() throws {
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2015-wiltshire.colspacing2.txt"
        let text = String(decoding: try readBytes(path), as: UTF8.self)
        #expect(text.contains("sharing of effective practice.\n*Crime Inspection 2014 – Wiltshire Police*, HMIC, November 2014. Available from:\nwww."))
        let area = { (report: Report) in report.findings.first { $0.text.hasPrefix("The force should use evidence of 'what works'") }?.text }
        let expected = try #require(area(try parseSample(wiltshire)))
        #expect(area(try parse(Array(text.utf8))) == expected)
    }
    /// "… fall into the category 'Evidential difficulties;" / "victim does not support police action', and rectify …",
    /// a blank line between: the ";" inside the quotation ended the item there.
    @Test("a \";\" inside a quotation a line ends on ends no clause: the double-spaced item reads on")
    func clauseInsideQuotation() throws {
        let clause = { (text: String) in LaidOutText.endsClause(NormalisedLine(number: 1, text: text)) }
        #expect(!clause("fall into the category 'Evidential difficulties;"))
        #expect(!clause("fall into the category \u{2018}Evidential difficulties;"))
        #expect(clause("the force's duties;"))
        #expect(clause("the officers' duties; and"))
        #expect(clause("the 'THRIVE' model;"))
        #expect(clause("its \u{201C}action plan\u{201D};"))
        let area = { (report: Report) in report.findings.first { $0.text.hasPrefix("The force should take steps to understand the reasons") }?.text }
        let expected = try #require(area(try parseSample(westMercia)))
        #expect(expected.hasSuffix("pursuing justice on behalf of victims of domestic abuse."))
        for width in [81, 82] {
            let variant = Layout.doubleSpaced(Layout.hardWrap(width: width)(Layout.numberedLists(Fixtures.sample(westMercia))))
            #expect(area(try parse(variant)) == expected, "wrapped at \(width)")
        }
    }

    /// "… police recorded crime (excluding fraud) for the" / "12 months to 30 June 2015 fell by 11 percent …" / "percent
    /// across all forces in England and Wales.", a blank line above each, then a page break: the two lines were dropped
    /// as the page's footnote, and "Over this same period" took the period of "12 months to 30 June 2010". The same with
    /// "30 June 2015 fell by 11 percent in Wiltshire compared with a".
    @Test("a double-spaced line opening with a number and a lower-case word or a month is no footnote: the five-year changes keep their period")
    func numberOpeningSentenceLine() throws {
        let changes = { (report: Report) in
            report.figures.filter { $0.metric == .victimBasedCrimeChange5yPct || $0.metric == .recordedCrimeChange5yPct }
                .map { "\($0.area) \($0.metric) \($0.value) \($0.period)" }
        }
        let sample = changes(try parseSample(wiltshire))
        #expect(sample.contains { $0.hasPrefix("force victim_based_crime_change_5y_pct -12.0") })
        let variant = Layout.headersInline(every: 70)(Layout.doubleSpaced(Layout.hardWrap(width: 93)(Layout.bulletsRemoved(Layout.cellsOnePerLine(Fixtures.sample(wiltshire))))))
        #expect(String(decoding: variant, as: UTF8.self).contains("for the\n\n12 months to 30 June 2015 fell by 11 percent"))
        #expect(changes(try parse(variant)) == sample)
        let dated = Layout.pageFurniture(every: 56)(Layout.doubleSpaced(Layout.hardWrap(width: 67)(Layout.numberedLists(Layout.tablesAsParagraphs(width: 84)(Fixtures.sample(wiltshire))))))
        #expect(String(decoding: dated, as: UTF8.self).contains("for the 12 months to\n\n30 June 2015 fell by 11 percent in Wiltshire compared with a\n"))
        #expect(changes(try parse(dated)) == sample)
    }

    /// A page's footnote ("7 *Crime Inspection 2014 …* Available from:" / "www.justiceinspectorates.gov.uk/….pdf"), then
    /// the next question's heading, then a page break: the heading went with the footnote, and the question's areas for
    /// improvement were given to the question before.
    @Test("a heading after a footnote's address is no part of the footnote in double-spaced text")
    func headingAfterCitation() throws {
        let areas = { (report: Report) in report.findings.filter { $0.kind == .areaForImprovement }.map { "\($0.question.map { "\($0)" } ?? "-") \($0.text)" } }
        let expected = areas(try parseSample(wiltshire))
        #expect(expected.count >= 6)
        let variant = Layout.footnotedPages(every: 70)(Layout.doubleSpaced(Layout.hardWrap(width: 110)(Layout.numberedLists(Layout.cellsBarred("|", delimiterRow: true)(Fixtures.sample(wiltshire))))))
        let text = String(decoding: variant, as: UTF8.self)
        #expect(text.contains("wiltshire-crime-inspection-2014.pdf\n\n\nHow effective is the force at investigating crime and managing offenders?\n\n\n26 "))
        #expect(areas(try parse(variant)) == expected)
    }
}

/// pdfminer.six with boxes placed by another flow (`LAParams(boxes_flow=-0.5)`, the committed pdfminer-flow
/// extractions): list items' text out of the order it was printed in.
@Suite("A list whose items an extraction set out of order")
struct ListOrderTests {
    private func extraction(_ stem: String) throws -> Report {
        try parse(readBytes(Fixtures.packageRoot + "/Tests/Fixtures/extractions/\(stem).pdfminer-flow.txt"))
    }

    /// "… serious and organised crime. This", the page's number, four glyphs "•" alone, then "should include the
    /// creation of a local profile …;" and the other four items.
    @Test("glyphs printed together after an item cut at a page's end: the item goes on there, the glyphs are the next items'")
    func stackedGlyphsAfterCutItem() throws {
        let recommendations = { (report: Report) in report.findings.filter { $0.kind == .recommendation }.map(\.text) }
        let expected = recommendations(try parseSample(westMercia))
        #expect(expected.count == 5)
        #expect(recommendations(try extraction("peel-effectiveness-2017-west-mercia")) == expected)
    }

    /// West Mercia's second area for improvement in protecting vulnerable people, a list item as the sample prints it.
    private let westMerciaDASHItem = "- The force should ensure that frontline officers become more proficient in completing DASH risk assessments at initial response and there is sufficient supervisory oversight to ensure opportunities to safeguard vulnerable victims are not missed."

    @Test("an item that ends in a bracket, not a stop, before the next bullet is read, and so are the items after it")
    func itemEndingInBracket() throws {
        let text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
        let item = westMerciaDASHItem
        #expect(text.contains(item))
        let report = try parse(Array(text.replacingOccurrences(of: item, with: item.dropLast() + " (see annex A)").utf8))
        let areas = report.findings.filter { $0.question == .protectingVulnerable && $0.kind == .areaForImprovement }
        #expect(areas.count == 3)
        #expect(areas.count == 3 && areas[1].text.hasSuffix("are not missed (see annex A)"))
        #expect(!report.problems.contains { $0.message.contains("stand out of order") })
    }

    /// The downstream tests' tricky dataset: items "NA" and "None" after one that ends its sentence.
    @Test("short items without a stop after one that ended its sentence are read: they stop at no conjunction, article or preposition")
    func shortItemsWithoutStop() throws {
        let text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
        let item = westMerciaDASHItem
        #expect(text.contains(item))
        let report = try parse(Array(text.replacingOccurrences(of: item, with: "- NA\n- None").utf8))
        let areas = report.findings.filter { $0.question == .protectingVulnerable && $0.kind == .areaForImprovement }.map(\.text)
        #expect(areas.count == 4 && areas[1] == "NA" && areas[2] == "None")
        #expect(FindingExtractor.stopsMidSentence("… as specified in the relevant police and"))
        #expect(FindingExtractor.stopsMidSentence("… in particular,"))
        #expect(!FindingExtractor.stopsMidSentence("NA") && !FindingExtractor.stopsMidSentence("… (see annex A)"))
    }

    /// pdfminer.six with `boxes_flow=0` and no form feeds: the first item, the page's number ("21"), then the next page's
    /// four glyphs together ahead of its four items.
    @Test("a number alone between a list's items and its next glyphs is passed over; one before a footnote's text still ends the list")
    func numberBeforeGlyphs() throws {
        let text = String(decoding: Fixtures.sample(wiltshire), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix("- The force should ensure that all those carrying out investigations") })
        let items = lines[first..<(first + 5)].map { String($0.dropFirst(2)) }
        #expect(lines[first + 5].isEmpty && items.allSatisfy { $0.hasPrefix("The force should") })
        let areas = { (report: Report) in report.findings.filter { $0.question == .investigatingCrime && $0.kind == .areaForImprovement }.map(\.text) }
        let sample = areas(try parseSample(wiltshire))
        #expect(sample == items)
        let printed = "• \(items[0])\n\n21\n\n•\n\n•\n\n•\n\n•\n\n" + items[1...].joined(separator: "\n\n")
        let original = lines[first..<(first + 5)].joined(separator: "\n")
        #expect(areas(try parse(Array(text.replacingOccurrences(of: original, with: printed).utf8))) == sample)
        let footnote = "• \(items[0])\n\n21\n\nThe Home Office counts rules for recorded crime, 2015."
        #expect(areas(try parse(Array(text.replacingOccurrences(of: original, with: footnote).utf8))) == [items[0]])
    }

    /// pdfminer.six with `boxes_flow=-0.5` set a table's cells from the page before under the overview's "Recommendation
    /// 1" ("Q3.", "Protecting", "vulnerable", "people", "Requires", "improvement"), which read as its text.
    @Test("a numbered recommendation whose text ends no sentence is left out, said; one ending in a footnote's number or a quotation is read")
    func recommendationEndingNoSentence() throws {
        let text = String(decoding: Fixtures.sample(nationalOverview), as: UTF8.self)
        let rocu = "### Recommendation 1\n\nBy 1 April 2016, all regional organised crime units (ROCUs) - except London - should have in place the '13 capabilities' identified within the ROCU development programme."
        #expect(text.contains(rocu))
        let cells = "### Recommendation 1\n\nQ3.\nProtecting\nvulnerable\npeople\nRequires\nimprovement"
        let report = try parse(Array(text.replacingOccurrences(of: rocu, with: cells).utf8))
        let sample = try parseSample(nationalOverview).findings.filter { $0.kind == .recommendation }
        let read = report.findings.filter { $0.kind == .recommendation }
        #expect(read.count == sample.count - 1)
        #expect(!read.contains { $0.text.contains("Requires improvement") })
        #expect(report.problems.contains { $0.message.hasPrefix("recommendation whose text ends no sentence") })
        #expect(FindingExtractor.endsSentence("… should thereafter implement it.87") && FindingExtractor.endsSentence("… the '13 capabilities.'"))
        #expect(!FindingExtractor.endsSentence("Q3. Protecting vulnerable people Requires improvement") && !FindingExtractor.endsSentence("… (see annex A)"))
    }

    /// "• with regard to both local force priorities (… the relevant police and", "• with regard to the other
    /// recommendations …", then "crime plan) and National Crime Agency (NCA) priorities; and".
    @Test("a part cut mid-sentence before the next part's bullet, after one that ended its clause: the recommendation is left out, said")
    func partCutBeforeBullet() throws {
        let report = try extraction("peel-effectiveness-2015-national-overview")
        #expect(!report.findings.contains { $0.text.hasPrefix("By 30 June 2016, every police force in England and Wales should publish") })
        #expect(report.problems.contains { $0.message.hasPrefix("recommendation whose parts stand out of order") })
        let sample = try parseSample(nationalOverview)
        #expect(report.findings.filter { $0.kind == .recommendation }.count == sample.findings.filter { $0.kind == .recommendation }.count - 1)
    }

    /// Writer's text of the overview printed to PDF, read by plain pdftotext: "… should thereafter implement it." then
    /// "--<sup>87</sup> These are repeated in full …", the page's rule glued to its footnote.
    @Test("a short rule glued to a footnote after a sentence's end ends the recommendation; a spaced dash opening a wrapped line does not")
    func ruleGluedToFootnote() throws {
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2015-national-overview.writer-text-reading.txt"
        let text = String(decoding: try readBytes(path), as: UTF8.self)
        #expect(text.contains("should thereafter implement it.\n--<sup>87</sup> These are repeated in full"))
        let fourth = { (report: Report) in report.findings.first { $0.text.hasPrefix("By 30 June 2016, the ROCU executive board – working") }?.text }
        let expected = try #require(fourth(try parseSample(nationalOverview)))
        #expect(fourth(try parse(Array(text.utf8))) == expected)
        // pandoc's Markdown spells the dash "--": a wrapped line may open with it, after a line that ends mid-sentence.
        let wrapped = text.replacingOccurrences(of: "working with forces, the NCA and the\nHome Office – should produce", with: "working with forces, the NCA and the Home Office\n-- should produce")
        #expect(wrapped != text)
        #expect(fourth(try parse(Array(wrapped.utf8))) == expected)
    }
}
