import PeelReport
import PeelTestSupport
import Testing

/// A change in crime is one metric for one span: recorded crime over one year or five, victim-based crime over five.
/// A fourth audit found a one-year victim-based change read as the five-year one, a recorded-crime change read as
/// victim-based where the sentence also named victim-based crime, and a two-year change read as the one-year one.
@Suite("Crime changes read only for the span they are over")
struct CrimeChangeSpanTests {
    /// Wiltshire's sample with the line opening `original` replaced by `sentence`; the report and that line.
    private func variant(replacing original: String, with sentence: String) throws -> (report: Report, line: Int) {
        let text = String(decoding: try Fixtures.sample(wiltshire), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix(original) })
        lines[at] = sentence
        return (try parse(Array(lines.joined(separator: "\n").utf8)), at + 1)
    }

    private func changes(_ report: Report, line: Int) -> [String] {
        report.figures.filter { $0.line == line && $0.source == .narrative }.map { "\($0.area == .force ? "F" : "EW") \($0.metric.rawValue) \(Int($0.value))" }
    }

    @Test("the sample's sentences: five years, victim-based over the same five, one year")
    func sample() throws {
        let (report, _) = try variant(replacing: "Over this same period, victim-based crime", with: "Over this same period, victim-based crime (i.e. crimes where there is a direct victim such as an individual, a group, or an organisation) decreased by 12 percent in Wiltshire, compared with a reduction of 12 percent across England and Wales.")
        #expect(changes(report, line: 325) == ["F recorded_crime_change_5y_pct -11", "EW recorded_crime_change_5y_pct -13"])
        #expect(changes(report, line: 327) == ["F victim_based_crime_change_5y_pct -12", "EW victim_based_crime_change_5y_pct -12"])
        #expect(changes(report, line: 329).prefix(1) == ["F recorded_crime_change_1y_pct 2"])
    }

    @Test("a change over another span, or a sentence naming both kinds of crime: no figure", arguments: [
        ("Over this same period, victim-based crime",
         "When compared with the previous year, victim-based crime increased by 6 percent in Wiltshire compared with an increase of 5 percent across England and Wales."),
        ("In 2010 the Home Secretary",
         "When compared with the 12 months to 30 June 2010, police recorded crime (excluding fraud) for the 12 months to 30 June 2015 fell by 21 percent in Wiltshire compared with a reduction of 13 percent across all forces in England and Wales, while victim-based crime fell by 19 percent."),
        ("When compared with the previous year, police recorded crime",
         "When compared with the 12 months to 30 June 2013, police recorded crime (excluding fraud) for the 12 months to 30 June 2015 increased by 3 percent in Wiltshire compared with an increase of 4 percent across England and Wales, having fallen in the previous year."),
    ])
    func otherSpan(_ original: String, _ sentence: String) throws {
        let (report, line) = try variant(replacing: original, with: sentence)
        #expect(changes(report, line: line).filter { $0.contains("crime_change") }.isEmpty, "\(changes(report, line: line))")
    }
}
