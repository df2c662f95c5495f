import Foundation
import PeelEnrichment
import PeelReport
import PeelTestSupport
import PeelText
@testable import PeelValidation
import Testing

private let registry = try! ForceRegistry(csv: String(decoding: readBytes(Fixtures.packageRoot + "/Pipeline/forces.csv"), as: UTF8.self))
private let denominators: Denominators = {
    let table = try! PopulationTable(csv: String(decoding: readBytes(Fixtures.packageRoot + "/Pipeline/population.csv"), as: UTF8.self), forces: registry)
    return Denominators(table: table, policy: DenominatorPolicy())
}()

/// A sample's text with one line's `old` replaced by `new` (the line must hold `old`, or the test is wrong).
private func planted(_ name: String, line: Int, _ old: String, _ new: String) -> [UInt8] {
    var lines = String(decoding: Fixtures.sample(name), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    precondition(lines[line - 1].contains(old), "line \(line) of \(name) does not hold \(old)")
    lines[line - 1] = lines[line - 1].replacingOccurrences(of: old, with: new)
    return Array(lines.joined(separator: "\n").utf8)
}

private func validate(_ documents: [(String, [UInt8])]) throws -> [ValidationFinding] {
    let parser = ReportParser(forces: registry)
    let reports = try documents.map { name, bytes in IdentifiedReport(id: name, report: parser.parse(try TextDecoder.decode(bytes))) }
    return Validator.validate(ValidationContext(reports: reports, denominators: denominators, settings: ValidationSettings()))
}

private func samples(_ names: String...) -> [(String, [UInt8])] { names.map { ($0, Fixtures.sample($0)) } }

private let dyfed = "peel-effectiveness-2015-dyfed-powys.txt"
private let national = "peel-effectiveness-2015-national-overview.md"
private let wiltshire = "peel-effectiveness-2015-wiltshire.txt"
private let gwent = "peel-effectiveness-2017-gwent.md"
private let westMercia = "peel-effectiveness-2017-west-mercia.txt"

@Suite("Validation rules")
struct ValidationRuleTests {
    @Test("on the five samples, exactly the real inconsistencies are reported")
    func samplesFindings() throws {
        let findings = try validate(samples(dyfed, national, wiltshire, gwent, westMercia))
        let summary = findings.map { "\($0.reportID) \($0.rule) \($0.severity.rawValue) \($0.subject)" }
        #expect(summary == [
            "\(gwent) count_rate_population error figures custody_place_of_safety_per_100000 force 2016-07-01…2017-06-30 line 295",
            "\(wiltshire) force_vs_england_wales warning figures calls_for_assistance_per_1000 force 2014-04-01…2015-03-31 line 146",
            "\(gwent) force_vs_england_wales warning figures domestic_abuse_incidents_per_1000 force 2016-07-01…2017-06-30 line 155",
            "\(gwent) force_vs_england_wales warning figures custody_place_of_safety_per_100000 force 2016-07-01…2017-06-30 line 295",
        ])
        // The numbers behind the Gwent finding (SOURCES.md's cross-check): 63 uses over mid-2016 584,133 people.
        #expect(findings[0].message == "stated 107.9 per 100000 population (line 295), but 63 (line 295) ÷ 584,133 (mid-2016) × 100,000 = 10.8; the stated rate is 10× the implied one, as if the base were 1,000,000, not 100,000")
        #expect(findings[1].message == "force 48 is 7.3× below England and Wales 350 (line 150)")
    }

    @Test("an unknown grade word is a parse error")
    func parseRule() throws {
        let findings = try validate([(westMercia, planted(westMercia, line: 151, "Good", "Excellent"))])
        #expect(findings.contains { $0.rule.rawValue == "parse" && $0.severity == .error && $0.subject == "report line 151" && $0.message.contains("Excellent") })
        #expect(findings.contains { $0.rule.rawValue == "judgment_completeness" && $0.subject == "judgments investigating_crime" })
    }

    @Test("a question without a grade is incomplete")
    func completeness() throws {
        #expect(try validate(samples(dyfed)).filter { $0.rule.rawValue == "judgment_completeness" }.isEmpty)
        let findings = try validate([(dyfed, planted(dyfed, line: 684, "Good", ""))])
        #expect(findings.filter { $0.rule.rawValue == "judgment_completeness" }.map(\.subject) == ["judgments serious_organised_crime"])
    }

    @Test("a force report and the national table disagreeing on a grade")
    func crossDocument() throws {
        #expect(try validate(samples(dyfed, national, wiltshire)).filter { $0.rule.rawValue == "cross_document_grades" }.isEmpty)
        let findings = try validate([(dyfed, planted(dyfed, line: 385, "Good", "Outstanding"))] + samples(national))
        let finding = try #require(findings.first { $0.rule.rawValue == "cross_document_grades" })
        #expect(finding.reportID == dyfed)
        #expect(finding.message == "dyfed-powys preventing_crime is outstanding here (line 385) but good in the national overview \(national.prefix(12)) (line 1713)")
    }

    @Test("a grade distribution that does not match the all-force table")
    func distribution() throws {
        let findings = try validate([(national, planted(national, line: 120, "3\t35\t5\t0", "3\t34\t6\t0"))])
        #expect(findings.filter { $0.rule.rawValue == "distribution_matches_table" }.map(\.message) == [
            "the distribution table says 34 forces were graded good for preventing_crime, the all-force table has 35",
            "the distribution table says 6 forces were graded requires_improvement for preventing_crime, the all-force table has 5",
        ])
    }

    @Test("a count that does not match its rate and the population")
    func countRate() throws {
        #expect(try validate(samples(dyfed, wiltshire)).filter { $0.rule.rawValue == "count_rate_population" }.isEmpty)
        let findings = try validate([(dyfed, planted(dyfed, line: 598, "monitoring 23 organised", "monitoring 33 organised"))])
        let finding = try #require(findings.first { $0.rule.rawValue == "count_rate_population" })
        #expect(finding.message == "stated 45 per million population (line 598), but 33 (line 598) ÷ 516,664 (mid-2014) × 1,000,000 = 63.9")
    }

    @Test("an outcome count that does not match the rates of the table")
    func outcomes() throws {
        #expect(try validate(samples(dyfed, wiltshire)).filter { $0.rule.rawValue == "outcome_count_rate" }.isEmpty)
        let findings = try validate([(dyfed, planted(dyfed, line: 414, "1,790", "2,790"))])
        let messages = findings.filter { $0.rule.rawValue == "outcome_count_rate" }.map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first == "stated 9.1% of offences, but 2,790 outcomes over the 19,665 offences implied by charged_summonsed (line 412) are 14.19%")
    }

    @Test("the same figure printed twice in one report with different values")
    func sameFigure() throws {
        let findings = try validate([(wiltshire, planted(wiltshire, line: 160, "47.8", "48.8"))])
        let finding = try #require(findings.first { $0.rule.rawValue == "same_figure_agrees" })
        #expect(finding.message == "recorded_crime_per_1000 is 47.8 at line 344 but 48.8 at line 160 (force_in_numbers)")
    }

    @Test("England and Wales figures that differ between reports of a year")
    func englandWales() throws {
        #expect(try validate(samples(dyfed, wiltshire)).filter { $0.rule.rawValue == "england_wales_agree" }.isEmpty)
        #expect(try validate(samples(gwent, westMercia)).filter { $0.rule.rawValue == "england_wales_agree" }.isEmpty)
        let findings = try validate(samples(dyfed) + [(wiltshire, planted(wiltshire, line: 150, "350", "360"))])
        let finding = try #require(findings.first { $0.rule.rawValue == "england_wales_agree" })
        #expect(finding.reportID == wiltshire)
        #expect(finding.message == "England and Wales calls_for_assistance_per_1000 (2014-04-01…2015-03-31) is 360 here but 350 in report \(dyfed.prefix(12)) line 148")
    }

    /// One report in two documents of different bytes (the sample and its PDF's text): the sha256 duplicate check cannot
    /// see it, and its rows would be counted twice in silence, a grade that differs between them unflagged.
    @Test("two force reports of one force and year: an info finding where they agree, a warning on each grade that differs")
    func forceReportsAgree() throws {
        let layout = Array(readBytes(Fixtures.extractionsFolder + "/peel-effectiveness-2017-gwent.layout.txt"))
        let rule = "force_reports_agree"
        #expect(try validate(samples(dyfed, wiltshire, gwent, westMercia, national)).filter { $0.rule.rawValue == rule }.isEmpty)
        let twice = try validate(samples(gwent) + [("gwent-pdf", layout)]).filter { $0.rule.rawValue == rule }
        #expect(twice.count == 1)
        let info = try #require(twice.first)
        #expect(info.reportID == "gwent-pdf" && info.severity == .info)
        #expect(info.message.hasPrefix("gwent 2017 was read before, from force report \(gwent.prefix(12)), its 6 grades the same"), "\(info.message)")

        let changed = planted(gwent, line: 218, "Good", "Outstanding")
        let differ = try validate(samples(gwent) + [("gwent-edited", changed), ("gwent-pdf", layout)]).filter { $0.rule.rawValue == rule }
        // The edited copy differs on one grade; the PDF's text is compared with the first read, the sample, and agrees.
        #expect(differ.map(\.severity) == [.warning, .info])
        let warning = try #require(differ.first)
        #expect(warning.reportID == "gwent-edited" && warning.subject == "judgments preventing_crime line 218")
        #expect(warning.message == "gwent 2017 preventing_crime is outstanding here (line 218) but good in force report \(gwent.prefix(12)) (line 218), the first read of this force, pillar and year")
    }

    @Test("percentages outside 0–100 and negative rates")
    func ranges() throws {
        #expect(try validate(samples(dyfed, wiltshire, gwent, westMercia)).filter { $0.rule.rawValue == "range" }.isEmpty)
        let findings = try validate([(dyfed, planted(dyfed, line: 173, "22.4%", "122.4%"))])
        #expect(findings.contains { $0.rule.rawValue == "range" && $0.message == "charge_rate_pct is 122.4: a percentage outside 0–100" })
    }

    @Test("a figure is compared with the first of its key: repeats agreeing with it pass, and the first comparator counts")
    func firstOfItsKey() {
        let period = Period(start: Day(iso: "2014-04-01"), end: Day(iso: "2015-03-31"))
        func figure(_ area: Area, _ value: Double, line: Int) -> Figure {
            Figure(area: area, metric: .recordedCrimePer1000, value: value, decimals: 1, unit: .per1000Population, period: period,
                   source: .forceInNumbers, line: line)
        }
        var report = Report(reportType: .force, pillar: .effectiveness, year: 2015)
        report.forceID = "dyfed-powys"
        report.figures = [figure(.force, 47.8, line: 10), figure(.force, 48.8, line: 20), figure(.force, 47.8, line: 30),
                          figure(.englandAndWales, 100, line: 40), figure(.englandAndWales, 1, line: 50)]
        let findings = Validator.validate(ValidationContext(reports: [IdentifiedReport(id: "r", report: report)], denominators: denominators,
                                                            settings: ValidationSettings()))
        #expect(findings.filter { $0.rule.rawValue == "same_figure_agrees" }.map(\.message) == [
            "recorded_crime_per_1000 is 48.8 at line 20 but 47.8 at line 10 (force_in_numbers)",
            "recorded_crime_per_1000 is 1.0 at line 50 but 100.0 at line 40 (force_in_numbers)",
        ])
        // Against the first England and Wales figure (100) the force's 47.8 is no outlier; against the later 1 it would be.
        #expect(findings.filter { $0.rule.rawValue == "force_vs_england_wales" }.isEmpty)
    }

    @Test("a force figure far from England and Wales is flagged; a planted one too")
    func outlier() throws {
        #expect(try validate(samples(dyfed)).filter { $0.rule.rawValue == "force_vs_england_wales" }.isEmpty)
        let findings = try validate([(dyfed, planted(dyfed, line: 147, "285", "2850"))])
        #expect(findings.filter { $0.rule.rawValue == "force_vs_england_wales" }.map(\.message) == ["force 2,850 is 8.1× above England and Wales 350 (line 148)"])
    }
}

/// `show` writes most numbers' digits from the rounded integer; `showGenerally` formats the rounded double and edits the
/// Characters, for any number. The first is held to the second.
struct ShowNumberTests {
    @Test("numbers in messages read as their general definition writes them (seeded values, edges of rounding and size)")
    func againstDefinition() {
        let seed: UInt64 = 0x5404
        print("ShowNumberTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        var values: [Double] = [0, -0.0, 0.5, -0.5, 0.05, 0.049, 0.0005, 0.00049, 999.5, 999.4999, 1_000, -1_000, 999_999.5, 1e14, 1e15 - 1,
                                1e15, 1e16, 123_456_789.125, 0.001, 0.0001, 1.005, 2.675, -2.675, 0.1 + 0.2, 4_405, 22.4, 9_007_199_254_740_993]
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -6...16, using: &generator)
            var value = (Bool.random(using: &generator) ? -1 : 1) * Double.random(in: 1..<10, using: &generator) * pow(10, magnitude.rounded(.down))
            if Int.random(in: 0..<4, using: &generator) == 0 { value = (value * 1_000).rounded() / 1_000 }  // printed decimals
            values.append(value)
        }
        for value in values {
            for decimals in [nil, 0, 1, 2, 3, 4, 5, 6] as [Int?] {
                let places = decimals ?? (value == value.rounded() ? 0 : 1)
                #expect(show(value, decimals: decimals) == showGenerally(value, places: places), "seed \(seed): \(value) \(String(describing: decimals))")
            }
        }
    }
}

@Suite("Cross-document grade keys")
struct GradeKeyTests {
    @Test("a key put together from bytes is the interpolated key, for every question and pillar, and absent parts")
    func keyAsInterpolated() {
        for question in Question.allCases {
            for pillar in Pillar.allCases.map(Optional.some) + [nil] {
                for forceID in ["avon-and-somerset", "", nil] as [String?] {
                    for year in [2015, 0, 7, -3, 123456, nil] as [Int?] {
                        let interpolated = "\(forceID ?? "")|\(year ?? 0)|\(pillar?.rawValue ?? "")|\(question.rawValue)"
                        #expect(CrossDocumentGrades.key(forceID: forceID, year: year, pillar: pillar, question: question) == interpolated)
                    }
                }
            }
        }
    }
}

@Suite("Finding subjects")
struct FindingSubjectTests {
    @Test("a subject, key and period put together from bytes are the interpolated ones, on seeded random figures")
    func subjectAsInterpolated() {
        let seed: UInt64 = 5_122_026
        print("FindingSubjectTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        let days = [Day(iso: "2014-04-01"), Day(iso: "2015-03-31"), Day(iso: "2016-02-29"), nil]
        for _ in 0..<5_000 {
            let period: Period = Bool.random(using: &generator)
                ? Period(asAt: days.randomElement(using: &generator)!)
                : Period(start: days.randomElement(using: &generator)!, end: days.randomElement(using: &generator)!)
            let figure = Figure(area: Area.allCases.randomElement(using: &generator)!, metric: Metric.allCases.randomElement(using: &generator)!,
                                qualifier: ([nil] + OutcomeType.allCases.map(Optional.some)).randomElement(using: &generator)!,
                                value: 1, unit: .count, period: period, source: .narrative,
                                line: [0, 1, 146, 99_999].randomElement(using: &generator)!)
            // The key, the period and the subject as they were first written, interpolated (all three are now put
            // together from the same bytes, so each is held to its own first form).
            let key = "\(figure.metric)\(figure.qualifier.map { "/\($0)" } ?? "")"
            let periodText = figure.period.asAt.map { "as at \($0)" }
                ?? "\(figure.period.start?.description ?? "?")…\(figure.period.end?.description ?? "?")"
            let interpolated = "figures \(key) \(figure.area.rawValue) \(periodText) line \(figure.line)"
            #expect(figure.key == key && figure.periodText == periodText, "seed \(seed)")
            #expect(subject(figure) == interpolated, "seed \(seed)")
        }
    }
}
