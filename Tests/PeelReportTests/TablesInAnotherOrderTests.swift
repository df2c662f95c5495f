import Foundation
@testable import PeelReport
import PeelTestSupport
import Testing

/// The national overview's grade distribution tables printed otherwise (an audit's rewordings of the sample): before,
/// each was lost without a word.
@Suite("Grade distribution tables in another order or with more columns")
struct GradeDistributionOrderTests {
    private static let table = "Outstanding\tGood\tRequires improvement\tInadequate\n3\t35\t5\t0\n"

    private func preventing(_ replacement: String) throws -> (forces: [String], problems: [String]) {
        let text = String(decoding: Fixtures.sample(nationalOverview), as: UTF8.self)
        #expect(text.components(separatedBy: Self.table).count == 2)
        let report = try parse(Array(text.replacingOccurrences(of: Self.table, with: replacement).utf8))
        return (report.gradeDistributions.filter { $0.question == .preventingCrime }.map { "\($0.grade.rawValue) \($0.forces)" },
                report.problems.map(\.message).filter { $0.hasPrefix("grade distribution") })
    }

    private let expected = ["outstanding 3", "good 35", "requires_improvement 5", "inadequate 0"]

    @Test("grades in reverse order, a total column, or a share beside each count: each count is its grade's")
    func read() throws {
        let reversed = try preventing("Inadequate\tRequires improvement\tGood\tOutstanding\n0\t5\t35\t3\n")
        #expect(Set(reversed.forces) == Set(expected))
        #expect(reversed.problems.isEmpty)
        #expect(try preventing("Outstanding\tGood\tRequires improvement\tInadequate\tTotal\n3\t35\t5\t0\t43\n").forces == expected)
        #expect(try preventing("Outstanding\tGood\tRequires improvement\tInadequate\n3 (7%)\t35 (81%)\t5 (12%)\t0 (0%)\n").forces == expected)
        // Cells one a line, in reverse: read once, from its first grade.
        let cells = try preventing("Inadequate\n\nRequires improvement\n\nGood\n\nOutstanding\n\n0\n\n5\n\n35\n\n3\n")
        #expect(Set(cells.forces) == Set(expected))
        #expect(cells.problems.isEmpty)
    }

    @Test("a total that is not the counts' sum, counts that do not all stand under their grades, or a table opening on another grade whose counts do not grade 43 forces: not read, said")
    func notRead() throws {
        let badTotal = try preventing("Outstanding\tGood\tRequires improvement\tInadequate\tTotal\n3\t35\t5\t0\t44\n")
        #expect(badTotal.forces.isEmpty)
        #expect(badTotal.problems.contains { $0.contains("total is not its counts' sum (43)") })
        let short = try preventing("Outstanding\tGood\tRequires improvement\tInadequate\n3\t35\tfive\t0\n")
        #expect(short.forces.isEmpty)
        #expect(short.problems.contains { $0.contains("4 grades and 2 counts") })
        let partial = try preventing("Good\tRequires improvement\tInadequate\n35\t5\t0\n")
        #expect(partial.forces.isEmpty)
        #expect(partial.problems.contains { $0.contains("opening with good whose counts give 40 forces") })
    }
}

@Suite("A judgments table with its columns in another order")
struct JudgmentsTableOrderTests {
    @Test("a header of other columns, or of the same in another order, is not read as Question, Grade, Last inspected: said", arguments: [
        "Question\tLast inspected\tGrade", "Question\tGrade\t2016 grade\tLast inspected",
    ])
    func otherHeader(header: String) throws {
        let text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
        let printed = "Question\tGrade\tLast inspected\n"
        #expect(text.components(separatedBy: printed).count == 2)
        let original = try parse(Array(text.utf8))
        let report = try parse(Array(text.replacingOccurrences(of: printed, with: header + "\n").utf8))
        // The table's row alone gives investigating crime (last inspected 2016): it goes, said; no grade is another's.
        #expect(original.judgments.contains { $0.question == .investigatingCrime })
        #expect(!report.judgments.contains { $0.question == .investigatingCrime })
        #expect(report.judgments.allSatisfy { judgment in original.judgments.contains { $0.question == judgment.question && $0.grade == judgment.grade } })
        #expect(report.problems.contains { $0.message.contains("judgments table whose header is not Question, Grade, Last inspected") })
    }
}
