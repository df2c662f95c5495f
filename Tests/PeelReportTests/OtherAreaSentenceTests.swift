import PeelReport
import PeelTestSupport
import Testing

/// Sentences about England and Wales, all forces, a region or two forces together, in a force's report: their numbers
/// are not the force's. A fourth audit found each read as the force's own figure.
@Suite("Sentences about another area give no figure of the force")
struct OtherAreaSentenceTests {
    static let sampleParagraph = "As at 30 June 2015, Wiltshire Police was actively disrupting, investigating or monitoring 12 organised crime groups (OCGs). This represents 17 OCGs per one million of the population, which is low compared with other forces in England and Wales."

    /// Wiltshire's sample with its organised crime paragraph replaced by `paragraph`, and that paragraph's line.
    private func variant(_ paragraph: String) throws -> (report: Report, line: Int) {
        let text = String(decoding: try Fixtures.sample(wiltshire), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex(of: Self.sampleParagraph))
        lines[at] = paragraph
        return (try parse(Array(lines.joined(separator: "\n").utf8)), at + 1)
    }

    /// The force's figures read from the paragraph's line.
    private func forceFigures(_ report: Report, line: Int) -> [String] {
        report.figures.filter { $0.source == .narrative && $0.area == .force && $0.line == line }.map { "\($0.metric.rawValue) \(Int($0.value))" }
    }

    @Test("England and Wales', all forces', a region's and two forces' numbers: left out, said", arguments: [
        ("As at 30 June 2015, forces across England and Wales were actively disrupting, investigating or monitoring 5,866 organised crime groups (OCGs). This represents 104 OCGs per one million of the population.", 2),
        ("'Drug activity' was the predominant crime type (64 percent) of the OCGs managed by all forces in England and Wales as at 30 June 2015.", 1),
        ("As at 30 June 2015, across England and Wales forces had 47 mapped organised crime groups per one million population.", 1),
        ("As at 30 June 2015, the South West regional organised crime unit was actively disrupting, investigating or monitoring 120 organised crime groups across the region.", 1),
        ("As at 30 June 2015, Wiltshire Police and Avon and Somerset Constabulary were jointly monitoring 50 organised crime groups (OCGs). This represents 30 OCGs per one million of the population across both force areas.", 2),
    ])
    func otherArea(_ paragraph: String, said: Int) throws {
        let (report, line) = try variant(paragraph)
        #expect(forceFigures(report, line: line).isEmpty, "\(forceFigures(report, line: line))")
        let problems = report.problems.filter { $0.line == line && $0.message.contains("not read as this force's") }
        #expect(problems.count == said, "\(report.problems.map(\.message))")
    }

    static let incidents = "In the 12 months to 30 June 2015, Wiltshire Police recorded 21,251 incidents of anti-social behaviour."

    /// Another force named by its short name or an alias alone, with no word of the report's force: its figure.
    @Test("another force named by its short name or an alias: its count left out, said; the force's own stands", arguments: [
        ("In the 12 months to 30 June 2015, Avon and Somerset recorded 21,251 incidents of anti-social behaviour.", false),
        ("In the 12 months to 30 June 2015, GMP recorded 21,251 incidents of anti-social behaviour.", false),
        ("In the 12 months to 30 June 2015, the Met recorded 21,251 incidents of anti-social behaviour.", false),
        ("In the 12 months to 30 June 2015, the force recorded 21,251 incidents of anti-social behaviour.", true),
        ("In the 12 months to 30 June 2015, Wiltshire recorded 21,251 incidents of anti-social behaviour, more than Dorset.", true),
    ])
    func otherForceShortly(_ sentence: String, own: Bool) throws {
        let text = String(decoding: try Fixtures.sample(wiltshire), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix(Self.incidents) })
        lines[at] = sentence + lines[at].dropFirst(Self.incidents.count)
        let report = try parse(Array(lines.joined(separator: "\n").utf8))
        let counts = report.figures.filter { $0.area == .force && $0.line == at + 1 && $0.metric == .asbIncidentsCount }.map(\.value)
        #expect(counts == (own ? [21251] : []))
        #expect(report.problems.contains { $0.line == at + 1 && $0.message.contains("not read as this force's") } == !own, "\(report.problems.map(\.message))")
    }

    @Test("the force's own sentences, and a sentence that refers back to one, stand", arguments: [
        (sampleParagraph, ["ocg_count 12", "ocg_per_million 17"]),
        ("As at 30 June 2015, the force was monitoring 12 organised crime groups. This represents 17 OCGs per one million of the population, compared with 36 OCGs per one million of the population across England and Wales.",
         ["ocg_count 12", "ocg_per_million 17"]),
    ])
    func own(_ paragraph: String, expected: [String]) throws {
        let (report, line) = try variant(paragraph)
        #expect(forceFigures(report, line: line) == expected)
        #expect(!report.problems.contains { $0.message.contains("not read as this force's") }, "\(report.problems.map(\.message))")
    }
}
