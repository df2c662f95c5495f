@testable import PeelReport
import PeelTestSupport
import Testing

/// A sentence that holds a pattern's cue and a number but no wording peel reads: its figures are lost, and that is
/// said on its line. A fifth audit found a dozen such rewordings lost without a word.
@Suite("A sentence with a statistic's words in a wording peel does not read")
struct UnreadSentenceTests {
    private func variant(_ sample: String, replacing original: String, with changed: String) throws -> (report: Report, line: Int) {
        let text = String(decoding: try Fixtures.sample(sample), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.contains(original) })
        return (try parse(Array(text.replacingOccurrences(of: original, with: changed).utf8)), at + 1)
    }

    private func said(_ report: Report, line: Int) -> [String] {
        report.problems.filter { $0.line == line && $0.message.contains("that no wording peel reads matches") }.map(\.message)
    }

    @Test("the samples: every such sentence read, none said")
    func samples() throws {
        for sample in [dyfedPowys, wiltshire, gwent, westMercia] {
            let report = try parseSample(sample)
            #expect(!report.problems.contains { $0.message.contains("that no wording peel reads matches") }, "\(sample)")
        }
    }

    @Test("a reworded sentence: its figures not read, said on its line", arguments: [
        (dyfedPowys, "This is compared with an increase of 4 percent across England and Wales", "This is compared with a 4 percent reduction across England and Wales"),
        (dyfedPowys, "87.4 percent were satisfied", "87.4 percent (±1.3 percent) were satisfied"),
        (gwent, "Custody was used as a place of safety 63 times in the 12 months to 30 June 2017, which", "Custody was used as a place of safety 63 times in the 12 months to 30 June 2017, compared with 88 times in the previous 12 months. This"),
    ])
    func reworded(_ sample: String, _ original: String, _ changed: String) throws {
        let (report, line) = try variant(sample, replacing: original, with: changed)
        #expect(!said(report, line: line).isEmpty, "\(report.problems.map { "\($0.line ?? 0) \($0.message)" })")
        // Said once a sentence.
        #expect(Set(said(report, line: line)).count == said(report, line: line).count)
    }

    /// A sentence a pattern matched but whose figure it would not take (an earlier year's, one crime's victims): that
    /// too was lost without a word.
    @Test("a matched sentence whose figure is not taken: said why", arguments: [
        ("This is higher than the national victim satisfaction rate of 83.8 percent", "This is similar to the force's rate of 86.0 percent in the previous year and higher than the national victim satisfaction rate of 83.8 percent", "names an earlier year"),
        ("87.4 percent were satisfied with their whole experience", "87.4 percent were satisfied with the way they were kept informed", "one part of the service"),
        ("Of those who have been the victim of a crime", "Of those who have been the victim of domestic abuse", "one crime"),
    ])
    func notTaken(_ original: String, _ changed: String, _ why: String) throws {
        let (report, line) = try variant(dyfedPowys, replacing: original, with: changed)
        #expect(report.problems.contains { $0.line == line && $0.message.contains("victim_satisfaction_pct") && $0.message.contains(why) },
                "\(report.problems.map { "\($0.line ?? 0) \($0.message)" })")
    }

    @Test("a caption, a footnote or a section's number: no figure, nothing said")
    func notFigures() throws {
        #expect(!NarrativeFigures.holdsFigure("Figure 6: Organised crime groups per one million population, by force, as at 30 June 2015 14 15"))
        #expect(!NarrativeFigures.holdsFigure("Section 136 of the Mental Health Act 1983 enables a police officer to take them to a place of safety."))
        #expect(!NarrativeFigures.holdsFigure("9 Custody may be used as a place of safety."))
        #expect(NarrativeFigures.holdsFigure("Custody was used as a place of safety 63 times in the 12 months to 30 June 2017."))
        #expect(NarrativeFigures.holdsFigure("This represents 107.9 uses per 100,000 population."))
    }
}
