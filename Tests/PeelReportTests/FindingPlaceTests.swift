import Foundation
@testable import PeelReport
import PeelTestSupport
import Testing

/// A finding's question and ordinal are values: where peel leaves a finding out or cannot place it, the others keep
/// the places their report prints.
@Suite("Findings' questions and ordinals")
struct FindingPlaceTests {
    private let overview = "peel-effectiveness-2015-national-overview.md"

    private func changed(_ name: String, _ printed: String, _ replacement: String) throws -> (original: Report, changed: Report) {
        let text = String(decoding: Fixtures.sample(name), as: UTF8.self)
        #expect(text.components(separatedBy: printed).count == 2, "\(printed) once in \(name)")
        return (try parse(Array(text.utf8)), try parse(Array(text.replacingOccurrences(of: printed, with: replacement).utf8)))
    }

    /// Before: the summary's heading shortened to the force reports' section title made the summary's two
    /// recommendations serious and organised crime's.
    @Test("a national overview's findings are given no question, whatever its headings say")
    func overviewFindingsHaveNoQuestion() throws {
        let (original, changed) = try changed(overview,
            "**Tackling serious and organised crime, and arrangements for fulfilling national responsibilities: Most forces are judged to be good**",
            "**Tackling serious and organised crime**")
        #expect(original.findings.count == 13)
        #expect(original.findings.allSatisfy { $0.question == nil })
        #expect(changed.findings == original.findings)
    }

    /// Before: the recommendations after one left out were numbered one lower (the ROCU annex's 2 to 11 became 1 to 10).
    @Test("a finding left out keeps its ordinal: the findings after it keep theirs")
    func leftOutKeepsItsOrdinal() throws {
        let printed = "should have in place the '13 capabilities' identified within the ROCU development programme."
        let (original, changed) = try changed(overview, printed, String(printed.dropLast()) + " and")
        let leftOut = try #require(original.findings.first { $0.text.contains("all regional organised crime units (ROCUs)") })
        #expect(changed.problems.contains { $0.message.contains("ends no sentence") })
        #expect(changed.findings == original.findings.filter { $0 != leftOut })
        #expect(changed.findings.contains { $0.kind == leftOut.kind && $0.ordinal == leftOut.ordinal + 1 })
    }
}
