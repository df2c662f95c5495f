import PeelReport
import PeelTestSupport
import Testing

/// A second paragraph under a "Causes of concern" heading: it may be a second cause, or the first one's explanation.
/// Which is not certain, so it is not read as a cause; but it is said, naming its line, not lost without a word.
@Suite("Causes of concern past the first")
struct CausesOfConcernTests {
    static let first = "The force's approach to tackling serious and organised crime lacks the essential features expected of an effective force and is putting the public at risk of harm."
    static let second = "The force does not have an adequate understanding of the nature and scale of the vulnerability of people who go missing from home, and its response to them is putting children at risk."

    /// West Mercia's sample with its cause of concern under `heading`, the paragraphs `after` it (each wrapped at
    /// `width` when given), and the line number (1-based) each paragraph opens at.
    private func variant(heading: String, after: [String], width: Int? = nil) throws -> (report: Report, lines: [Int]) {
        let text = String(decoding: try Fixtures.sample(westMercia), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex(of: "Cause of concern"))
        #expect(lines[at + 2] == Self.first)
        var replacement = [heading]
        var opens: [Int] = []
        for paragraph in after {
            replacement.append("")
            opens.append(at + replacement.count + 1)
            replacement += width.map { Layout.wrap(paragraph, width: $0) } ?? [paragraph]
        }
        lines.replaceSubrange(at...(at + 2), with: replacement)
        return (try parse(Array(lines.joined(separator: "\n").utf8)), opens)
    }

    private func causes(_ report: Report) -> [Finding] { report.findings.filter { $0.kind == .causeOfConcern } }

    private func saidOf(_ report: Report, line: Int) -> [ParseProblem] {
        report.problems.filter { $0.line == line && $0.message.contains("cause of concern") }
    }

    @Test("two paragraphs under the plural heading: the first read, the second said and left out", arguments: [nil, 80, 64])
    func second(width: Int?) throws {
        let (report, lines) = try variant(heading: "Causes of concern", after: [Self.first, Self.second], width: width)
        #expect(causes(report).map(\.text) == [Self.first])
        #expect(causes(report).first?.line == lines[0])
        #expect(saidOf(report, line: lines[1]).count == 1, "\(report.problems.map(\.message))")
        #expect(!report.findings.contains { $0.text.contains("go missing from home") })
    }

    @Test("one paragraph under the plural heading, the recommendations after it: nothing to say", arguments: [nil, 80])
    func one(width: Int?) throws {
        let (report, lines) = try variant(heading: "Causes of concern", after: [Self.first], width: width)
        #expect(causes(report).map(\.text) == [Self.first])
        #expect(!report.problems.contains { $0.message.contains("cause of concern") }, "\(report.problems.map(\.message)) \(lines)")
    }

    @Test("a lead-in to the recommendations after the cause: nothing to say")
    func leadIn() throws {
        let leadIn = "To address these causes of concern, we recommend that the force should immediately take steps to:"
        let (report, _) = try variant(heading: "Causes of concern", after: [Self.first, leadIn], width: 80)
        #expect(causes(report).map(\.text) == [Self.first])
        #expect(!report.problems.contains { $0.message.contains("cause of concern") }, "\(report.problems.map(\.message))")
    }

    @Test("the sample's singular heading: its one cause, nothing said")
    func sample() throws {
        let report = try parseSample(westMercia)
        #expect(causes(report).count == 1)
        #expect(!report.problems.contains { $0.message.contains("cause of concern") })
    }
}
