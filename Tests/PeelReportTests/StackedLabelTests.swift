import PeelReport
import PeelTestSupport
import Testing

/// Force in numbers with two panels' labels stacked above both panels' values, as a reading-order extraction may set
/// them: a fifth audit found the first panel's values given the second label's period, a year out.
@Suite("Force in numbers: labels stacked above their values")
struct StackedLabelTests {
    private static let first = "Crimes recorded (excluding fraud) per 1,000 population 12 months to 30 June 2015"
    private static let second = "Crimes recorded (excluding fraud) per 1,000 population 12 months to 30 June 2014"

    /// Wiltshire's sample with the second label moved up under the first; `dropFirstValues` also takes the first
    /// panel's names and values out (a graphic whose values were lost).
    private func variant(dropFirstValues: Bool = false) throws -> Report {
        let text = String(decoding: try Fixtures.sample(wiltshire), as: UTF8.self)
        let firstRange = try #require(text.range(of: Self.first + "\n"))
        let secondRange = try #require(text.range(of: Self.second + "\n"))
        let firstValues = String(text[firstRange.upperBound..<secondRange.lowerBound])
        #expect(firstValues.contains("47.8") && firstValues.contains("63.0"))
        let moved = Self.first + "\n\n" + Self.second + "\n" + (dropFirstValues ? "\n" : firstValues)
        return try parse(Array(text.replacingCharacters(in: firstRange.lowerBound..<secondRange.upperBound, with: moved).utf8))
    }

    private func panels(_ report: Report) -> [String] {
        report.figures.filter { $0.source == .forceInNumbers && $0.metric == .recordedCrimePer1000 }
            .map { "\($0.area.rawValue) \($0.value) \($0.period.end?.description ?? "-")" }
    }

    @Test("the sample: each panel's values under its own label")
    func sample() throws {
        #expect(panels(try parseSample(wiltshire)) == ["force 47.8 2015-06-30", "england_and_wales 63.0 2015-06-30",
                                                       "force 46.7 2014-06-30", "england_and_wales 60.3 2014-06-30"])
    }

    @Test("stacked, both panels' values after them: neither read, said")
    func stacked() throws {
        let report = try variant()
        #expect(panels(report).isEmpty, "\(panels(report))")
        #expect(report.problems.contains { $0.message.hasPrefix("Force in numbers: labels stacked") }, "\(report.problems.map(\.message))")
    }

    @Test("the first panel's values lost: the second's read under its own label")
    func firstLost() throws {
        let report = try variant(dropFirstValues: true)
        #expect(panels(report) == ["force 46.7 2014-06-30", "england_and_wales 60.3 2014-06-30"])
    }
}
