import PeelReport
import PeelTestSupport
import Testing

/// A judgments table with a column after "Last inspected": a fifth audit found its rows read a line early (each row's
/// source line the one above it) and a grade in that column at risk of being read as the next question's.
@Suite("A judgments table with a column more")
struct JudgmentsExtraColumnTests {
    private static let table = """
        Question\tGrade\tLast inspected
        Preventing crime and tackling anti-social behaviour\t Good\t2016
        Investigating crime and reducing re-offending\t Good\t2016
        Protecting vulnerable people\t Requires improvement\t2017
        Tackling serious and organised crime\t Requires improvement\t2017
        Specialist capabilities\tUngraded\t2017
        """

    private func variant(_ table: String) throws -> Report {
        let text = String(decoding: try Fixtures.sample(gwent), as: UTF8.self)
        #expect(text.contains(Self.table))
        return try parse(Array(text.replacingOccurrences(of: Self.table, with: table).utf8))
    }

    @Test("the sample's table: every row read on its own line")
    func sample() throws {
        let report = try variant(Self.table)
        let rows = report.judgments.filter { $0.question != .overall && $0.lastInspected != nil }
        #expect(rows.count == 5)
        let header = try #require(String(decoding: try Fixtures.sample(gwent), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("Question\tGrade") })
        #expect(rows.map(\.line) == Array((header + 2)...(header + 6)))
    }

    @Test("a column after Last inspected: the table not read, said; no row given another's line", arguments: [
        ["Direction of travel", "Improved", "Same", "Declined", "Same", "N/A"],
        ["Previous grade", "Good", "Inadequate", "Good", "Good", "Ungraded"],
    ])
    func extraColumn(_ column: [String]) throws {
        let rows = Self.table.split(separator: "\n").map(String.init)
        let table = zip(rows, column).map { "\($0)\t\($1)" }.joined(separator: "\n")
        let report = try variant(table)
        #expect(report.judgments.allSatisfy { $0.lastInspected == nil }, "\(report.judgments)")
        #expect(report.problems.contains { $0.message.hasPrefix("judgments table with a column after Last inspected (\"\(column[0])\")") },
                "\(report.problems.map(\.message))")
        // The sections' own headings still grade the questions they open.
        #expect(report.judgments.contains { $0.question == .protectingVulnerable && $0.grade == .requiresImprovement })
    }
}
