import PeelReport
import PeelTestSupport
import Testing

/// A force report with one recommendation prints it under "Recommendation". A fifth audit found it lost without a
/// word: only the plural heading was read.
@Suite("One recommendation under the singular heading")
struct SingularRecommendationTests {
    private static let heading = "Recommendations\n\nThe force should immediately take steps to:\n\n"
    private static let first = "engage routinely with partner agencies at a senior level to establish intelligence sharing arrangements and an effective, multi-agency response to serious and organised crime."

    /// West Mercia's sample with its recommendations section (heading, lead-in and five bullets) as `section`.
    private func variant(_ section: String) throws -> Report {
        let text = String(decoding: try Fixtures.sample(westMercia), as: UTF8.self)
        let start = try #require(text.range(of: Self.heading))
        let end = try #require(text.range(of: "\n\n¹² A court order", range: start.upperBound..<text.endIndex))
        return try parse(Array(text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: section).utf8))
    }

    @Test("a bullet after a lead-in, or a paragraph of its own: read, under its question", arguments: [
        "Recommendation\n\nThe force should immediately take steps to:\n\n- \(first)",
        "Recommendation\n\nThe force should immediately \(first)",
    ])
    func read(_ section: String) throws {
        let report = try variant(section)
        let recommendations = report.findings.filter { $0.kind == .recommendation }
        #expect(recommendations.map(\.text) == [section.hasSuffix("- " + Self.first) ? Self.first : "The force should immediately " + Self.first])
        // Under the same question the sample's five stand under.
        let sample = try parseSample(westMercia).findings.filter { $0.kind == .recommendation }
        #expect(sample.count == 5 && recommendations.first?.question == sample[0].question && sample[0].question != nil)
    }
}
