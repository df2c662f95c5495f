import Foundation
@testable import PeelReport
import PeelTestSupport
import Testing

@Suite("One figure per line, area, metric and qualifier")
struct RepeatedFigureTests {
    /// The rule written plainly: the first figure of each (line, area, metric, qualifier) in the order read is kept; each
    /// later one is dropped, with a warning where its value differs. (Two outcome types on one line are two figures.)
    private func plain(_ report: Report) -> Report {
        var report = report
        var seen: [String: Figure] = [:]
        report.figures = report.figures.filter { figure in
            let key = "\(figure.line)|\(figure.area.rawValue)|\(figure.metric)|\(figure.qualifier?.rawValue ?? "-")"
            guard let first = seen[key] else {
                seen[key] = figure
                return true
            }
            if first.value != figure.value {
                report.problems.append(ParseProblem(.warning, line: figure.line, "\(figure.metric) read twice on one line (\(first.value) and \(figure.value)); the first is kept"))
            }
            return false
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
