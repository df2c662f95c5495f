import PeelReport
import PeelTestSupport
import Testing

/// A Force in numbers panel of victim-based crime's change names the two periods it compares. A fifth audit found
/// one a year apart ("12 months to 30 June 2014 against 12 months to 30 June 2015") read as the five-year change, the
/// only victim-based change peel has.
@Suite("A victim-based crime change's panel: five years, or none")
struct VictimBasedChangeLabelTests {
    private static let label = "Changes in recorded crime (excluding fraud) 12 months to 30 June 2014 against 12 months to 30 June 2015"

    /// Wiltshire's sample with its one-year recorded crime panel's label as `label`, and the label's line.
    private func variant(_ label: String) throws -> (report: Report, line: Int) {
        try parseSample(wiltshire, line: Self.label, whole: true) { _ in label }
    }

    /// The panel's figures: the values on the lines after its label, before the next label (eight lines).
    private func panel(_ report: Report, after line: Int) -> [String] {
        report.figures.filter { $0.source != .narrative && (line...(line + 8)).contains($0.line) }.map { "\($0.area.rawValue) \($0.metric.rawValue) \($0.value)" }
    }

    @Test("the sample's label: the one-year recorded crime change")
    func sample() throws {
        let (report, line) = try variant(Self.label)
        #expect(panel(report, after: line) == ["force recorded_crime_change_1y_pct 2.4", "england_and_wales recorded_crime_change_1y_pct 4.5"])
    }

    @Test("victim-based crime over five years: read as such")
    func fiveYears() throws {
        let (report, line) = try variant("Change in victim-based crime 12 months to 30 June 2010 against 12 months to 30 June 2015")
        #expect(panel(report, after: line) == ["force victim_based_crime_change_5y_pct 2.4", "england_and_wales victim_based_crime_change_5y_pct 4.5"])
    }

    @Test("victim-based crime over one year, or two: no figure read, said", arguments: ["2014", "2013"])
    func otherSpan(_ from: String) throws {
        let (report, line) = try variant("Change in victim-based crime 12 months to 30 June \(from) against 12 months to 30 June 2015")
        #expect(panel(report, after: line).isEmpty, "\(panel(report, after: line))")
        #expect(report.problems.contains { (line...(line + 8)).contains($0.line ?? 0) }, "\(report.problems.map { "\($0.line ?? 0) \($0.message)" })")
    }
}
