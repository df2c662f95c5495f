import Foundation
@testable import PeelReport
import PeelTestSupport
import Testing

/// Sentences and labels that compare other things than the metric's words say (an audit's rewordings of the samples):
/// before, each gave a value under a metric, area or period it is not.
@Suite("Comparisons of other groups, spans and crimes")
struct ComparisonSentenceTests {
    private func changed(_ name: String, _ printed: String, _ replacement: String) throws -> (original: [Figure], changed: Report) {
        let text = String(decoding: Fixtures.sample(name), as: UTF8.self)
        #expect(text.components(separatedBy: printed).count == 2, "\(printed) once in \(name)")
        return (try parse(Array(text.utf8)).figures, try parse(Array(text.replacingOccurrences(of: printed, with: replacement).utf8)))
    }

    private func values(_ figures: [Figure], _ metric: Metric, _ area: Area = .force) -> [Double] {
        figures.filter { $0.metric == metric && $0.area == area }.map(\.value)
    }

    @Test("a change compared with another group than England and Wales gives the force's change only", arguments: [
        "across its most similar group of forces.", "across Wales.", "over the previous five-year period.",
    ])
    func otherGroup(group: String) throws {
        let (original, report) = try changed(dyfedPowys, "of 13 percent across all forces in England and Wales.", "of 13 percent \(group)")
        #expect(values(original, .recordedCrimeChange5yPct, .englandAndWales) == [-13])
        #expect(values(report.figures, .recordedCrimeChange5yPct, .englandAndWales).isEmpty)
        #expect(values(report.figures, .recordedCrimeChange5yPct) == [-9])
    }

    @Test("a change over two years, or over a span not told, is no one-year change")
    func otherSpan() throws {
        for compared in ["the 12 months to 30 June 2013", "two years ago"] {
            let (original, report) = try changed(dyfedPowys, "When compared with the previous year, police recorded crime", "When compared with \(compared), police recorded crime")
            #expect(values(original, .recordedCrimeChange1yPct) == [7])
            #expect(values(report.figures, .recordedCrimeChange1yPct).isEmpty, "\(compared)")
            #expect(values(report.figures, .recordedCrimeChange1yPct, .englandAndWales).isEmpty, "\(compared)")
        }
        let (_, asb) = try changed(dyfedPowys, "fewer incidents than the force recorded during the previous 12 months.",
                                   "fewer incidents than the force recorded in the 12 months to 30 June 2012.")
        #expect(values(asb.figures, .asbIncidentsChange1yPct).isEmpty)
        #expect(values(asb.figures, .asbIncidentsChange1yPct, .englandAndWales) == [-9])
        let (gwent, label) = try changed("peel-effectiveness-2017-gwent.md", "Change in ASB incidents  \n12 months to 31 March 2016",
                                         "Change in ASB incidents  \n12 months to 31 March 2015")
        #expect(values(gwent, .asbIncidentsChange1yPct) == [-16])
        #expect(values(label.figures, .asbIncidentsChange1yPct).isEmpty)
    }

    @Test("a five-year change told in two sentences is over five years, and ends with the later period")
    func fiveYearsInTwoSentences() throws {
        let (original, report) = try changed(dyfedPowys,
            "police recorded crime (excluding fraud) for the 12 months to 30 June 2015 fell by 9 percent in Dyfed-Powys compared with a reduction of 13 percent",
            "police recorded crime (excluding fraud) in Dyfed-Powys fell by 9 percent for the 12 months to 30 June 2015. This is compared with a reduction of 13 percent")
        let fiveYears = { (figures: [Figure]) in figures.filter { $0.metric == .recordedCrimeChange5yPct }.map { "\($0.area) \($0.value) \($0.period)" } }
        #expect(fiveYears(original).count == 2)
        #expect(fiveYears(report.figures) == fiveYears(original))
    }

    @Test("non victim-based crime is not victim-based crime; one crime's victims' satisfaction is not all victims'")
    func otherCrimes() throws {
        let (original, report) = try changed(dyfedPowys, "Over this same period, victim-based crime (i.e.", "Over this same period, non victim-based crime (i.e.")
        #expect(values(original, .victimBasedCrimeChange5yPct) == [-8])
        #expect(values(report.figures, .victimBasedCrimeChange5yPct).isEmpty)
        let printed = "It is encouraging for Dyfed-Powys Police"
        let (_, survey) = try changed(dyfedPowys, printed,
            "In a separate survey of domestic abuse victims in the 12 months to 31 March 2015, 91.0 percent were satisfied with the initial police response.\n\n" + printed)
        #expect(values(survey.figures, .victimSatisfactionPct) == [87.4])
    }

    @Test("a table row of another burglary, or of recorded crime with fraud, names no metric: left out, said", arguments: [
        ("Burglary in a dwelling*\t2.5\t8.4", "Burglary in a non-dwelling\t2.5\t8.4", Metric.burglaryDwellingPer1000Households),
        ("Burglary in a dwelling*\t2.5\t8.4", "Burglary (all)\t2.5\t8.4", .burglaryDwellingPer1000Households),
        ("Recorded crime (excluding fraud)\t38.1\t63.0", "Recorded crime (including fraud)\t38.1\t63.0", .recordedCrimePer1000),
        ("Sexual offences\t1.6\t1.6", "Sexual offences against children\t1.6\t1.6", .sexualOffencesPer1000),
        ("Assault with injury\t4.7\t6.3", "Assault with injury on a constable\t4.7\t6.3", .assaultWithInjuryPer1000),
        ("Caution - youths\t178\t0.9\t19,703\t0.5", "Caution - youths and adults\t178\t0.9\t19,703\t0.5", .outcomeCount),
    ])
    func otherRow(printed: String, reworded: String, metric: Metric) throws {
        let (original, report) = try changed(dyfedPowys, printed, reworded)
        // The row's: an outcome row's, of its type (the caution of youths).
        let row = { (figures: [Figure]) in figures.filter { $0.metric == metric && $0.source == .figureTable && ($0.qualifier ?? .cautionYouths) == .cautionYouths } }
        #expect(row(original).count == 2)
        #expect(row(report.figures).isEmpty)
        #expect(report.problems.contains { $0.message.contains("names no metric peel reads") })
    }

    @Test("a Force in numbers label with words that change what is counted names no metric: left out, said", arguments: [
        ("peel-effectiveness-2015-wiltshire.txt", "Anti-social behaviour incidents per 1,000 population 12 months to 30 June 2015",
         "Anti-social behaviour incidents per 1,000 households 12 months to 30 June 2015", Metric.asbIncidentsPer1000),
        ("peel-effectiveness-2015-wiltshire.txt", "Charge rate as a percentage of all crimes recorded (excluding fraud)",
         "Charge rate as a percentage of all victim-based crimes recorded", .chargeRatePct),
        ("peel-effectiveness-2015-wiltshire.txt", "Domestic abuse as a percentage of all recorded crime (excluding fraud) 12 months to 31 March 2015",
         "Domestic abuse as a percentage of all violent crime 12 months to 31 March 2015", .domesticAbusePctOfCrime),
        ("peel-effectiveness-2015-wiltshire.txt", "Calls for assistance per 1,000 population", "Emergency calls for assistance per 1,000 population",
         .callsForAssistancePer1000),
        ("peel-effectiveness-2017-gwent.md", "Charged/summonsed\n", "Charged/summonsed (domestic abuse)\n", .outcomeRatePct),
    ])
    func otherLabel(name: String, printed: String, reworded: String, metric: Metric) throws {
        let (original, report) = try changed(name, printed, reworded)
        let fromPanels = { (figures: [Figure]) in figures.filter { $0.metric == metric && $0.source == .forceInNumbers && $0.qualifier != .evidentialDifficultiesVictimNotSupporting && $0.qualifier != .noSuspectIdentified } }
        // The panel's figures go; another panel's of the metric (the year before's) stay.
        let year = printed.contains("2015") ? "2015" : "-"
        #expect(fromPanels(original).count >= 2)
        #expect(fromPanels(report.figures).map(\.value) == fromPanels(original).filter { year != "-" && $0.period.end?.description.hasPrefix(year) != true }.map(\.value))
        #expect(report.problems.contains { $0.message.contains("Force in numbers label not in the vocabulary") })
    }
}
