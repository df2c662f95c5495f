import Foundation
@testable import PeelReport
import PeelTestSupport
import Testing

/// Rates of another year told beside the report's own (an audit's rewordings of the samples): before, each gave a
/// value or a period that is not the report's.
@Suite("Figures of another time")
struct OtherTimeFigureTests {
    private func changed(_ name: String, _ printed: String, _ replacement: String) throws -> Report {
        let text = String(decoding: Fixtures.sample(name), as: UTF8.self)
        #expect(text.components(separatedBy: printed).count == 2, "\(printed) once in \(name)")
        return try parse(Array(text.replacingOccurrences(of: printed, with: replacement).utf8))
    }

    private func satisfaction(_ report: Report, _ area: Area = .force) -> [String] {
        report.figures.filter { $0.metric == .victimSatisfactionPct && $0.area == area }.map { "\($0.value) \($0.period)" }
    }

    private let printed = "Of those who have been the victim of a crime in Dyfed-Powys in the 12 months to 31 March 2015, 87.4 percent were satisfied"

    @Test("the previous year's satisfaction told first on the line is not the report's")
    func previousYear() throws {
        let original = try parseSample(dyfedPowys)
        let report = try changed(dyfedPowys, printed, "In the previous year, 86.9 percent were satisfied. " + printed)
        #expect(satisfaction(original).count == 1)
        #expect(satisfaction(report) == satisfaction(original))
        // "The previous 12 months" are the survey's own.
        let recent = try changed(dyfedPowys, printed,
            "Of those who have been the victim of a crime in Dyfed-Powys in the previous 12 months to 31 March 2015, 87.4 percent were satisfied")
        #expect(satisfaction(recent).map { $0.prefix(4) } == ["87.4"])
    }

    @Test("a line that gives one figure two values keeps neither, said")
    func twoValuesOnOneLine() throws {
        let report = try changed(dyfedPowys, printed, "Of the victims asked, 86.9 percent were satisfied. " + printed)
        #expect(satisfaction(report).isEmpty)
        #expect(report.problems.contains { $0.message.contains("victim_satisfaction_pct read with 2 values on one line (86.9 and 87.4)") })
    }

    @Test("a rate of an earlier year told without its date, beside the report's dated one, is left out, said")
    func undatedBesideDated() throws {
        let gwent = "peel-effectiveness-2017-gwent.md"
        let rates = { (report: Report) in report.figures.filter { $0.metric == .ocgPerMillion && $0.area == .force }.map(\.value) }
        let original = try parseSample(gwent)
        let report = try changed(gwent, "The rate for Gwent Police also represents a decrease since 2016.",
                                 "In 2016, Gwent Police had 40 mapped organised crime groups per one million population.")
        #expect(!rates(original).isEmpty && !rates(original).contains(40))
        #expect(rates(report) == rates(original))
        #expect(report.problems.contains { $0.message.contains("ocg_per_million 40.0 read without a date") })
    }

    @Test("a sentence with no date of its own under another question takes no period from the question before")
    func noPeriodAcrossAQuestion() throws {
        let report = try changed(dyfedPowys, printed, "Of those who have been the victim of a crime in Dyfed-Powys, 87.4 percent were satisfied")
        #expect(satisfaction(report) == ["87.4 \(Period())"])
        #expect(satisfaction(report, .englandAndWales) == ["83.8 \(Period())"])
        // The same sentence in the paragraph after the one that names the period takes it, as before.
        let after = try changed(dyfedPowys, printed,
            "Victims were asked in the 12 months to 31 March 2015.\n\nOf those who have been the victim of a crime in Dyfed-Powys, 87.4 percent were satisfied")
        let original = try parseSample(dyfedPowys)
        #expect(satisfaction(after) == satisfaction(original))
    }
}
