import PeelReport
import PeelTestSupport
import Testing

/// A figure table's caption names the period its numbers are of. A fifth audit's caption naming two ("… for the 12
/// months to 30 June 2015 compared with the 12 months to 30 June 2014") gave every row the last one named, a year
/// early.
@Suite("A figure caption naming two periods")
struct CaptionPeriodTests {
    private static let caption = "Figure 2: Police recorded crime rates (per 1,000 population) for the 12 months to 30 June 2015"

    private func variant(_ caption: String) throws -> (report: Report, line: Int) {
        try parseSample(wiltshire, line: Self.caption, whole: true) { _ in caption }
    }

    /// The table's figures (twelve, two a row), each with its period's first and last day.
    private func periods(_ report: Report) -> [String] {
        report.figures.filter { $0.source == .figureTable && $0.metric != .outcomeCount && $0.metric != .outcomeRatePct }
            .map { "\($0.period.start?.description ?? "-")…\($0.period.end?.description ?? "-")" }
    }

    @Test("one period: every row's")
    func one() throws {
        let (report, _) = try variant(Self.caption)
        #expect(periods(report) == Array(repeating: "2014-07-01…2015-06-30", count: 12))
    }

    @Test("two periods: no row given one, said", arguments: [
        " compared with the 12 months to 30 June 2014",
        " and the 12 months to 30 June 2016",
    ])
    func two(_ more: String) throws {
        let (report, line) = try variant(Self.caption + more)
        #expect(periods(report) == Array(repeating: "-…-", count: 12))
        #expect(report.problems.filter { $0.line == line && $0.message.hasPrefix("figure caption names more than one period") }.count == 1,
                "\(report.problems.map(\.message))")
    }
}
