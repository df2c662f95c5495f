import Foundation
@testable import PeelReport
import PeelTestSupport
import Testing

@Suite("One figure per line, area, metric and qualifier")
struct RepeatedFigureTests {
    /// The rule written plainly: of each (line, area, metric, qualifier), the first figure in the order read is kept
    /// where all its figures have one value; where they have more, none is, with a warning naming the values in the
    /// order read. (Two outcome types on one line are two figures.)
    private func plain(_ report: Report) -> Report {
        var report = report
        let key = { (figure: Figure) in "\(figure.line)|\(figure.area.rawValue)|\(figure.metric)|\(figure.qualifier?.rawValue ?? "-")" }
        var values: [String: [Double]] = [:]
        for figure in report.figures where !(values[key(figure)] ?? []).contains(figure.value) { values[key(figure), default: []].append(figure.value) }
        var seen: Set<String> = []
        report.figures = report.figures.filter { figure in
            guard seen.insert(key(figure)).inserted else { return false }
            let all = values[key(figure)]!
            if all.count > 1 {
                report.problems.append(ParseProblem(.warning, line: figure.line,
                    "\(figure.metric) read with \(all.count) values on one line (\(all.map { "\($0)" }.joined(separator: " and "))): which is the report's is not certain, so none is kept"))
            }
            return all.count == 1
        }
        return report
    }

    @Test("the same figures and warnings as the plain rule, for seeded figure lists full of repeats (out of line order)")
    func sameAsPlain() {
        let seed = UInt64(0xF16)
        var generator = SplitMix(seed: seed)
        var wrong = 0
        for _ in 0..<500 {
            var report = Report(reportType: .force)
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                report.figures.append(Figure(
                    area: Bool.random(using: &generator) ? .force : .englandAndWales,
                    metric: [Metric.asbIncidentsCount, .ocgCount, .victimSatisfactionPct][Int.random(in: 0..<3, using: &generator)],
                    qualifier: Bool.random(using: &generator) ? nil : .chargedSummonsed,
                    value: Double(Int.random(in: 0..<3, using: &generator)), unit: .count, period: Period(),
                    source: .narrative, line: Int.random(in: 1...6, using: &generator)))
            }
            var fast = report
            removeRepeatedFigures(&fast)
            if fast != plain(report) { wrong += 1 }
        }
        #expect(wrong == 0, "seed \(seed): \(wrong) of 500 differ")
    }
}
