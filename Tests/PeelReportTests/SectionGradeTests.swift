import Foundation
import PeelReport
import PeelTestSupport
import Testing

/// A 2017 report grades each question inspected that year twice: in the judgments table, and under the heading of the
/// question's section ("Protecting vulnerable people and supporting victims" / "Requires improvement").
@Suite("A 2017 report's section headings over their grades")
struct SectionGradeTests {
    /// The sample's judgments table, as its text prints it (`ReadingOrderTests`).
    private static let rowMajor = westMerciaJudgmentsTable

    private func westMerciaText() -> String {
        let text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
        #expect(text.contains(Self.rowMajor))
        return text
    }

    private func rows(_ report: Report) -> [String] {
        report.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected ?? 0)" }
    }

    /// Plain `pdftotext` of West Mercia's PDF on A5 paper: the table's years in blocks out of their rows, so the table is
    /// not read; the sections' headings ("Preventing crime and tackling anti-social" / "behaviour", wrapped) still are.
    @Test("grade the questions whose table a reading order left unread, each with the report's year where the table prints years")
    func tableUnread() throws {
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/\(sampleStem(westMercia)).a5-reading.txt"
        let text = String(decoding: try readBytes(path), as: UTF8.self)
        #expect(text.contains("Preventing crime and tackling anti-social\nbehaviour\nRequires improvement\n"))
        let report = try parse(Array(text.utf8))
        let expected = rows(try parseSample(westMercia))
        #expect(expected.count == 6)
        // Investigating crime was last inspected in 2016: this report has no section for it.
        #expect(rows(report) == expected.filter { !$0.hasPrefix("investigating_crime") })
        #expect(report.problems.contains { $0.message.contains("cells stand out of their rows") })
        // Each is traced to its grade's line under the heading.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for judgment in report.judgments where judgment.question != .overall {
            #expect(Grade(printed: String(lines[judgment.line - 1])) == judgment.grade)
        }
    }

    @Test("with no table that prints years (2016's), give no year")
    func noYears() throws {
        let report = try parse(Array(westMerciaText().replacingOccurrences(of: Self.rowMajor, with: "").utf8))
        #expect(rows(report) == ["overall requires_improvement 0", "preventing_crime requires_improvement 0", "protecting_vulnerable requires_improvement 0",
                                 "serious_organised_crime inadequate 0", "specialist_capabilities ungraded 0"])
    }

    @Test("where a heading and the table grade a question differently, neither is read, said")
    func disputed() throws {
        let table = Self.rowMajor.replacingOccurrences(of: "Tackling serious and organised crime\t Inadequate", with: "Tackling serious and organised crime\t Good")
        let report = try parse(Array(westMerciaText().replacingOccurrences(of: Self.rowMajor, with: table).utf8))
        #expect(!report.judgments.contains { $0.question == .seriousOrganisedCrime })
        #expect(report.problems.contains { $0.severity == .error && $0.message.hasPrefix("serious_organised_crime graded inadequate here but good") })
        #expect(report.judgments.count == 5)
    }

    /// A column of questions, then one of grades with no title between (as a reading order may print the table), reads
    /// like a heading over its first grade: the last question is not given the first row's grade.
    @Test("a table's column of questions over its column of grades is no heading over its grade", arguments: [
        "Question\nPreventing crime and tackling anti-social behaviour\nInvestigating crime and reducing re-offending\nProtecting vulnerable people\nTackling serious and organised crime\nSpecialist capabilities\nRequires improvement\nGood\nRequires improvement\nInadequate\nUngraded\nLast inspected\n2017\n2016\n2017\n2017\n2017\n",
        // One row a column at a time: its grade over its year.
        "Question\nSpecialist capabilities\n\nRequires improvement\n\n2017\n",
        // Under a question's wording wrapped over lines that name none alone.
        "Question\nTackling serious and\norganised crime\n\nSpecialist capabilities\n\nRequires improvement\n\nGood\n",
    ])
    func columnsAreNoHeadings(table: String) throws {
        // The section's own heading and grade are taken out: only the table could grade specialist capabilities.
        let section = "Specialist capabilities\n\nUngraded\n"
        let text = westMerciaText().replacingOccurrences(of: Self.rowMajor, with: table)
        #expect(text.contains(section))
        let report = try parse(Array(text.replacingOccurrences(of: section, with: "").utf8))
        #expect(!report.judgments.contains { $0.question == .specialistCapabilities && $0.grade != .ungraded })
    }

    private func withTable(_ table: String, in text: String? = nil) throws -> Report {
        try parse(Array((text ?? westMerciaText()).replacingOccurrences(of: Self.rowMajor, with: table).utf8))
    }

    /// A review's probes: tables whose rows the table readers stop before (a footnote after the first row, a grade
    /// before its question) or read a column at a time, a row's wording over its grade like a section's heading.
    @Test("a table's row is no section: its question is given no year but the table's, nor disputed", arguments: [
        // Chromium's order, a footnote after the first row; with the grade and year on one line.
        "Question\n\nGrade\n\nLast inspected\n\nPreventing crime and tackling anti-social behaviour Requires improvement 2017\n\n³ The 2016 effectiveness report for West Mercia Police can be found on the HMICFRS website.\n\nInvestigating crime and reducing re-offending\n\nGood\n\nProtecting vulnerable people\n\nRequires improvement 2017\n\n2016\n\nTackling serious and organised crime\n\nInadequate\n\n2017\n\nSpecialist capabilities\n\nUngraded\n\n2017",
        "Question\n\nGrade\n\nLast inspected\n\nPreventing crime and tackling anti-social behaviour Requires improvement 2017\n\n³ The 2016 effectiveness report for West Mercia Police can be found on the HMICFRS website.\n\nInvestigating crime and reducing re-offending\n\nGood 2016\n\nProtecting vulnerable people\n\nRequires improvement 2017\n\nTackling serious and organised crime\n\nInadequate 2017\n\nSpecialist capabilities\n\nUngraded 2017",
        // A grade before its question (not read), the first question wrapped.
        "Question\nGrade\nLast inspected\nRequires improvement\nPreventing crime and tackling anti-social\nbehaviour\nInvestigating crime and reducing re-offending\nGood\nProtecting vulnerable people\nTackling serious and organised crime\nSpecialist capabilities\nRequires improvement\nInadequate\nUngraded\n2017\n2016\n2017\n2017\n2017",
        // Grades a row behind their questions, read a column at a time: every row read.
        "Question\nGrade\nLast inspected\nPreventing crime and tackling\nanti-social behaviour\nInvestigating crime and\nreducing re-offending\nRequires improvement 2017\nProtecting vulnerable people\nGood 2016\nTackling serious and organised crime\nRequires improvement 2017\nSpecialist capabilities\nInadequate 2017\nUngraded 2017",
    ])
    func tableRowsAreNoSections(table: String) throws {
        let report = try withTable(table)
        #expect(!report.judgments.contains { $0.question == .investigatingCrime && $0.lastInspected != 2016 }, "\(rows(report))")
        #expect(!report.problems.contains { $0.message.contains("here but") }, "\(report.problems.map(\.message))")
        // Every grade the sample's; every year the sample's or none.
        let sample = try parseSample(westMercia).judgments
        for judgment in report.judgments {
            let expected = try #require(sample.first { $0.question == judgment.question })
            #expect(judgment.grade == expected.grade && (judgment.lastInspected == nil || judgment.lastInspected == expected.lastInspected), "\(rows(report))")
        }
    }

    /// The table's columns out of their rows (not read), and a section for a question the table says was inspected in
    /// 2016, or a dash where the table prints no year: the sections' count of the report's year is not the table's.
    @Test("where the table's cells do not print the report's year once for each section, the sections' grades have no year")
    func sectionsYearNotCertain() throws {
        let questions = "Question\nPreventing crime and tackling anti-social behaviour\nInvestigating crime and reducing re-offending\nProtecting vulnerable people\nTackling serious and organised crime\nSpecialist capabilities\n\n\nGrade\nRequires\nimprovement\nGood\n\nLast inspected\n2017\n\nRequires\nimprovement\nInadequate\nUngraded\n\n2017\n\n2016\n\n2017\n"
        let withSection = westMerciaText().replacingOccurrences(of: "Protecting vulnerable people and supporting victims\n",
            with: "Investigating crime and reducing re-offending\n\nGood\n\nWe did not inspect this question in 2017.\n\nProtecting vulnerable people and supporting victims\n")
        let carried = try withTable(questions + "2017", in: withSection)
        #expect(rows(carried) == ["overall requires_improvement 0", "preventing_crime requires_improvement 0", "investigating_crime good 0",
                                  "protecting_vulnerable requires_improvement 0", "serious_organised_crime inadequate 0", "specialist_capabilities ungraded 0"])
        // A section whose first line names its own question is read (a review's probe: "Identifying vulnerable people").
        let ownWords = westMerciaText().replacingOccurrences(of: "Requires improvement\n\nIdentifying vulnerability\n",
                                                             with: "Requires improvement\n\nIdentifying vulnerable people\n")
        #expect(try withTable(questions + "2017", in: ownWords).judgments.contains { $0.question == .protectingVulnerable && $0.grade == .requiresImprovement })
        let dash = try withTable(questions + "\u{2013}")
        #expect(!dash.judgments.contains { $0.question != .overall && $0.lastInspected != nil })
        #expect(dash.judgments.count == 5)
    }

    /// The fuzzer's find: a section's heading and grade before a judgments table (a header the years are counted from,
    /// after the first section) that does not grade the section's question — the years were counted over a range
    /// running backwards, and the run trapped.
    @Test("a section before a judgments table that leaves its question out: read, with no year")
    func sectionBeforeTable() throws {
        let table = Self.rowMajor.replacingOccurrences(of: "Protecting vulnerable people\t Requires improvement\t2017\n", with: "")
        #expect(table != Self.rowMajor)
        let report = try withTable("""
            This part of the report comes first.

            Protecting vulnerable people and supporting victims

            Requires improvement

            This part follows it.

            """ + table)
        let protecting = try #require(report.judgments.first { $0.question == .protectingVulnerable })
        #expect(protecting.grade == .requiresImprovement && protecting.lastInspected == nil)
        #expect(rows(report).filter { $0.hasSuffix(" 2017") }.count == 3)
    }

    /// Plain pdftotext of Gwent's report on an A5 page, justified: the judgments table's years a column at a time a few
    /// lines above the page's foot. Numbers at the pages' edges repeat as "#", which was taken for a running line a few
    /// lines into a page too: two of the three years went as furniture, and the table was not read.
    @Test("years a few lines above a page's foot are no running lines: the table is read whole")
    func yearsNearTheFoot() throws {
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2017-gwent.justified-a5-reading.txt"
        let printed = String(decoding: try readBytes(path), as: UTF8.self)
        #expect(printed.contains("Ungraded\n\n2017\n2017\n2017\n\nSummary\n"))
        let expected = rows(try parseSample(gwent))
        #expect(expected.count == 6)
        #expect(rows(try parse(Array(printed.utf8))) == expected)
    }
}
