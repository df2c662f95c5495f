import Foundation
import PeelReport
import PeelTestSupport
import Testing

/// A 2017 report grades each question inspected that year twice: in the judgments table, and under the heading of the
/// question's section ("Protecting vulnerable people and supporting victims" / "Requires improvement").
@Suite("A 2017 report's section headings over their grades")
struct SectionGradeTests {
    private static let rowMajor = """
        Question\tGrade\tLast inspected
        Preventing crime and tackling anti-social behaviour\t Requires improvement\t2017
        Investigating crime and reducing re-offending\t Good\t2016
        Protecting vulnerable people\t Requires improvement\t2017
        Tackling serious and organised crime\t Inadequate\t2017
        Specialist capabilities\tUngraded\t2017
        """

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
}
