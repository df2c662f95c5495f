import Foundation
import PeelReport
import PeelTestSupport
import PeelText
import Testing

/// The registry the pipeline ships.
let registry = try! ForceRegistry(csv: String(decoding: readBytes(Fixtures.packageRoot + "/Pipeline/forces.csv"), as: UTF8.self))

func parse(_ bytes: [UInt8]) throws -> Report {
    ReportParser(forces: registry).parse(try TextDecoder.decode(bytes))
}

func parseSample(_ name: String) throws -> Report { try parse(Fixtures.sample(name)) }

/// A sample with its first line that `opening` opens (or that equals it, with `whole`) replaced by `replacement`
/// (the line's text given), parsed; and that line's number.
func parseSample(_ name: String, line opening: String, whole: Bool = false, _ replacement: (String) -> String) throws -> (report: Report, line: Int) {
    let text = String(decoding: try Fixtures.sample(name), as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let at = try #require(lines.firstIndex { whole ? $0 == opening : $0.hasPrefix(opening) })
    lines[at] = replacement(lines[at])
    return (try parse(Array(lines.joined(separator: "\n").utf8)), at + 1)
}

let dyfedPowys = "peel-effectiveness-2015-dyfed-powys.txt"
let nationalOverview = "peel-effectiveness-2015-national-overview.md"
let wiltshire = "peel-effectiveness-2015-wiltshire.txt"
let gwent = "peel-effectiveness-2017-gwent.md"
let westMercia = "peel-effectiveness-2017-west-mercia.txt"

/// "question grade last_inspected line" rows → comparable tuples.
private func judgmentRows(_ report: Report) -> [String] {
    report.judgments.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.lastInspected.map(String.init) ?? "-") \($0.line)" }
}

/// "metric area value period-end-or-as-at line" for the figures of one source.
func figureRows(_ report: Report, _ source: FigureSource) -> [String] {
    report.figures.filter { $0.source == source }.map { figure in
        let area = figure.area == .force ? "F" : "EW"
        let qualifier = figure.qualifier.map { "/\($0)" } ?? ""
        return "\(figure.metric)\(qualifier) \(area) \(plain(figure.value)) \((figure.period.end ?? figure.period.asAt)?.description ?? "-") \(figure.line)"
    }
}

func plain(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}

private func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

@Suite("Sample reports, values checked by hand against the text")
struct SampleReportTests {
    @Test("metadata comes from the title page", arguments: [
        (dyfedPowys, ReportType.force, "dyfed-powys", 2015, "2016-02", "HMIC", "978-1-911194-83-5"),
        (nationalOverview, .national, nil, 2015, "2016-02", "HMIC", "978-1-78655-015-6"),
        (wiltshire, .force, "wiltshire", 2015, "2016-02", "HMIC", "978-1-78655-014-9"),
        (gwent, .force, "gwent", 2017, "2018-03", "HMICFRS", "978-1-78655-540-3"),
        (westMercia, .force, "west-mercia", 2017, "2018-03", "HMICFRS", "978-1-78655-564-9"),
    ] as [(String, ReportType, String?, Int, String, String, String)])
    func metadata(name: String, type: ReportType, force: String?, year: Int, published: String, inspectorate: String, isbn: String) throws {
        let report = try parseSample(name)
        #expect(report.reportType == type)
        #expect(report.pillar == .effectiveness)
        #expect(report.forceID == force)
        #expect(report.year == year)
        #expect(report.published == published)
        #expect(report.inspectorate == inspectorate)
        #expect(report.isbn == isbn)
        #expect(report.problems.filter { $0.severity == .error }.isEmpty)
    }

    @Test("every grade of the force reports, with last-inspected years and source lines", arguments: [
        (dyfedPowys, """
            overall requires_improvement - 48
            preventing_crime good - 385
            investigating_crime requires_improvement - 547
            protecting_vulnerable requires_improvement - 570
            serious_organised_crime good - 684
            """),
        (wiltshire, """
            overall good - 48
            preventing_crime good - 420
            investigating_crime good - 574
            protecting_vulnerable requires_improvement - 602
            serious_organised_crime good - 748
            """),
        (gwent, """
            overall requires_improvement - 215
            preventing_crime good 2016 218
            investigating_crime good 2016 219
            protecting_vulnerable requires_improvement 2017 220
            serious_organised_crime requires_improvement 2017 221
            specialist_capabilities ungraded 2017 222
            """),
        (westMercia, """
            overall requires_improvement - 147
            preventing_crime requires_improvement 2017 150
            investigating_crime good 2016 151
            protecting_vulnerable requires_improvement 2017 152
            serious_organised_crime inadequate 2017 153
            specialist_capabilities ungraded 2017 154
            """),
    ])
    func forceJudgments(name: String, expected: String) throws {
        let report = try parseSample(name)
        #expect(judgmentRows(report) == lines(expected))
        #expect(report.judgments.allSatisfy { $0.forceID == report.forceID && $0.scale == .fourPoint })
    }

    @Test("the national overview: 43 forces × 5 judgments and the grade distribution tables")
    func nationalOverviewTables() throws {
        let report = try parseSample(nationalOverview)
        #expect(report.judgments.count == 215)
        #expect(Set(report.judgments.compactMap(\.forceID)) == Set(registry.forces.map(\.id)))
        func grades(_ force: String) -> [String] {
            report.judgments.filter { $0.forceID == force }.map { "\($0.question.rawValue)=\($0.grade.rawValue)" }
        }
        // Rows read from the table at lines 1702–1746.
        #expect(grades("durham") == ["preventing_crime=outstanding", "investigating_crime=outstanding", "protecting_vulnerable=good", "serious_organised_crime=outstanding", "overall=outstanding"])
        #expect(grades("city-of-london") == ["preventing_crime=good", "investigating_crime=good", "protecting_vulnerable=requires_improvement", "serious_organised_crime=good", "overall=good"])
        #expect(grades("surrey") == ["preventing_crime=good", "investigating_crime=requires_improvement", "protecting_vulnerable=inadequate", "serious_organised_crime=requires_improvement", "overall=requires_improvement"])
        #expect(report.judgments.first { $0.forceID == "avon-and-somerset" }?.line == 1702)
        #expect(report.judgments.first { $0.forceID == "wiltshire" }?.line == 1746)

        let distributions = report.gradeDistributions.map { "\($0.question.rawValue) \($0.grade.rawValue) \($0.forces) \($0.line)" }
        #expect(distributions == lines("""
            preventing_crime outstanding 3 120
            preventing_crime good 35 120
            preventing_crime requires_improvement 5 120
            preventing_crime inadequate 0 120
            serious_organised_crime outstanding 3 175
            serious_organised_crime good 32 175
            serious_organised_crime requires_improvement 8 175
            serious_organised_crime inadequate 0 175
            investigating_crime outstanding 1 209
            investigating_crime good 26 209
            investigating_crime requires_improvement 16 209
            investigating_crime inadequate 0 209
            protecting_vulnerable outstanding 0 242
            protecting_vulnerable good 12 242
            protecting_vulnerable requires_improvement 27 242
            protecting_vulnerable inadequate 4 242
            overall outstanding 1 295
            overall good 24 295
            overall requires_improvement 18 295
            overall inadequate 0 295
            """))
    }

    @Test("every Force in numbers value the text holds, and none it lost", arguments: [
        (dyfedPowys, """
            calls_for_assistance_per_1000 F 285 2015-03-31 147
            calls_for_assistance_per_1000 EW 350 2015-03-31 148
            charge_rate_pct F 22.4 2015-06-30 173
            charge_rate_pct EW 16 2015-06-30 175
            """),
        (wiltshire, """
            calls_for_assistance_per_1000 F 48 2015-03-31 146
            calls_for_assistance_per_1000 EW 350 2015-03-31 150
            recorded_crime_per_1000 F 47.8 2015-06-30 160
            recorded_crime_per_1000 EW 63 2015-06-30 164
            recorded_crime_per_1000 F 46.7 2014-06-30 170
            recorded_crime_per_1000 EW 60.3 2014-06-30 174
            recorded_crime_change_1y_pct F 2.4 2015-06-30 180
            recorded_crime_change_1y_pct EW 4.5 2015-06-30 184
            recorded_crime_change_5y_pct F -10.7 2015-06-30 190
            recorded_crime_change_5y_pct EW -12.6 2015-06-30 194
            charge_rate_pct F 15.1 2015-06-30 204
            charge_rate_pct EW 16 2015-06-30 208
            asb_incidents_per_1000 F 30.4 2015-06-30 220
            asb_incidents_per_1000 EW 32.9 2015-06-30 222
            asb_incidents_per_1000 F 31.9 2014-06-30 230
            asb_incidents_per_1000 EW 36.2 2014-06-30 232
            domestic_abuse_pct_of_crime F 11.5 2015-03-31 244
            domestic_abuse_pct_of_crime EW 10 2015-03-31 246
            domestic_abuse_pct_of_crime F 10 2014-03-31 254
            domestic_abuse_pct_of_crime EW 8.5 2014-03-31 256
            ocg_per_million F 17.2 2015-06-30 268
            ocg_per_million EW 74.7 2015-06-30 270
            victim_satisfaction_pct F 83.8 2015-03-31 282
            victim_satisfaction_pct EW 83.8 2015-03-31 284
            """),
        (gwent, """
            calls_for_assistance_per_1000 F 338 2017-06-30 49
            calls_for_assistance_per_1000 EW 282 2017-06-30 53
            asb_incidents_per_1000 F 37 2017-03-31 65
            asb_incidents_per_1000 EW 31 2017-03-31 69
            asb_incidents_change_1y_pct F -16 2017-03-31 78
            asb_incidents_change_1y_pct EW -0.05 2017-03-31 82
            recorded_crime_per_1000 F 74 2017-06-30 94
            recorded_crime_per_1000 EW 77 2017-06-30 98
            recorded_crime_change_1y_pct F 13 2017-06-30 107
            recorded_crime_change_1y_pct EW 14 2017-06-30 111
            outcome_rate_pct/charged_summonsed F 11 2017-06-30 121
            outcome_rate_pct/charged_summonsed EW 10 2017-06-30 125
            outcome_rate_pct/evidential_difficulties_victim_not_supporting F 17 2017-06-30 131
            outcome_rate_pct/evidential_difficulties_victim_not_supporting EW 13 2017-06-30 135
            outcome_rate_pct/no_suspect_identified F 40 2017-06-30 141
            outcome_rate_pct/no_suspect_identified EW 48 2017-06-30 145
            domestic_abuse_incidents_per_1000 F 1 2017-06-30 155
            domestic_abuse_incidents_per_1000 EW 15 2017-06-30 159
            domestic_abuse_pct_of_crime F 13 2017-06-30 165
            domestic_abuse_pct_of_crime EW 11 2017-06-30 169
            ocg_per_million F 33 2017-07-01 179
            ocg_per_million EW 47 2017-07-01 183
            """),
        (westMercia, """
            calls_for_assistance_per_1000 F 249 2017-06-30 53
            calls_for_assistance_per_1000 EW 282 2017-06-30 55
            asb_incidents_per_1000 F 36 2017-03-31 67
            asb_incidents_per_1000 EW 31 2017-03-31 69
            asb_incidents_change_1y_pct F 4 2017-03-31 77
            asb_incidents_change_1y_pct EW -0.05 2017-03-31 79
            recorded_crime_per_1000 F 67 2017-06-30 91
            recorded_crime_per_1000 EW 77 2017-06-30 93
            recorded_crime_change_1y_pct F 14 2017-06-30 102
            recorded_crime_change_1y_pct EW 14 2017-06-30 105
            """),
    ])
    func forceInNumbers(name: String, expected: String) throws {
        #expect(figureRows(try parseSample(name), .forceInNumbers) == lines(expected))
    }

    @Test("every cell of the rate and outcome tables", arguments: [
        (dyfedPowys, 284, ["38.1 63", "30.4 56", "1.6 1.6", "4.7 6.3", "2.5 8.4", "33.2 32.9"], 412, [
            "4405 22.4 577678 16", "68 0.3 21318 0.6", "1790 9.1 165384 4.6", "178 0.9 19703 0.5", "1293 6.6 115000 3.2",
            "319 1.6 30681 0.8", "1622 8.2 159915 4.4", "818 4.2 41964 1.2", "804 4.1 117951 3.3",
        ]),
        (wiltshire, 344, ["47.8 63", "43.3 56", "1.7 1.6", "6 6.3", "4.3 8.4", "30.4 32.9"], 453, [
            "5054 15.1 577678 16", "170 0.5 21318 0.6", "1415 4.2 165384 4.6", "353 1.1 19703 0.5", "957 2.9 115000 3.2",
            "105 0.3 30681 0.8", "1007 3 159915 4.4", "253 0.8 41964 1.2", "754 2.3 117951 3.3",
        ]),
    ])
    func figureTables(name: String, ratesLine: Int, rates: [String], outcomesLine: Int, outcomes: [String]) throws {
        let report = try parseSample(name)
        let table = report.figures.filter { $0.source == .figureTable }
        let rateMetrics = ["recorded_crime_per_1000", "victim_based_crime_per_1000", "sexual_offences_per_1000", "assault_with_injury_per_1000", "burglary_dwelling_per_1000_households", "asb_incidents_per_1000"]
        for (offset, (metric, values)) in zip(rateMetrics, rates).enumerated() {
            let row = table.filter { $0.metric.rawValue == metric }
            #expect(row.map { plain($0.value) }.joined(separator: " ") == values, "\(metric)")
            #expect(row.map(\.line) == [ratesLine + offset, ratesLine + offset])
            #expect(row.map(\.area) == [.force, .englandAndWales])
            #expect(row.allSatisfy { $0.period == Period(start: Day(iso: "2014-07-01"), end: Day(iso: "2015-06-30")) })
        }
        #expect(table.first { $0.metric == .burglaryDwellingPer1000Households }?.unit == .per1000Households)
        let outcomeTypes = ["charged_summonsed", "taken_into_consideration", "out_of_court_formal", "caution_youths", "caution_adults",
                            "penalty_notices_for_disorder", "out_of_court_informal", "cannabis_khat_warning", "community_resolution"]
        for (offset, (outcome, values)) in zip(outcomeTypes, outcomes).enumerated() {
            let row = table.filter { $0.qualifier?.rawValue == outcome }
            #expect(row.map { plain($0.value) }.joined(separator: " ") == values, "\(outcome)")
            #expect(row.map(\.metric) == [.outcomeCount, .outcomeRatePct, .outcomeCount, .outcomeRatePct])
            #expect(row.map(\.unit) == [.count, .percent, .count, .percent])
            #expect(row.allSatisfy { $0.line == outcomesLine + offset })
        }
        #expect(table.count == 12 + 36)
    }

    @Test("narrative statistics stated in sentences", arguments: [
        (dyfedPowys, """
            recorded_crime_change_5y_pct F -9 2015-06-30 259
            recorded_crime_change_5y_pct EW -13 2015-06-30 259
            victim_based_crime_change_5y_pct F -8 2015-06-30 261
            victim_based_crime_change_5y_pct EW -12 2015-06-30 261
            recorded_crime_change_1y_pct F 7 2015-06-30 264
            recorded_crime_change_1y_pct EW 4 2015-06-30 264
            asb_incidents_count F 17130 2015-06-30 295
            asb_incidents_change_1y_pct F -17 2015-06-30 295
            asb_incidents_change_1y_pct EW -9 2015-06-30 295
            victim_satisfaction_pct F 87.4 2015-03-31 502
            victim_satisfaction_pct EW 83.8 2015-03-31 502
            ocg_count F 23 2015-06-30 598
            ocg_per_million F 45 2015-06-30 598
            ocg_predominant_drugs_pct F 61 2015-06-30 608
            ocg_predominant_drugs_pct EW 64 2015-06-30 608
            """),
        (wiltshire, """
            recorded_crime_change_5y_pct F -11 2015-06-30 325
            recorded_crime_change_5y_pct EW -13 2015-06-30 325
            victim_based_crime_change_5y_pct F -12 2015-06-30 327
            victim_based_crime_change_5y_pct EW -12 2015-06-30 327
            recorded_crime_change_1y_pct F 2 2015-06-30 329
            recorded_crime_change_1y_pct EW 4 2015-06-30 329
            asb_incidents_count F 21251 2015-06-30 358
            asb_incidents_change_1y_pct F -5 2015-06-30 358
            asb_incidents_change_1y_pct EW -9 2015-06-30 358
            victim_satisfaction_pct F 83.8 2015-03-31 524
            victim_satisfaction_pct EW 83.8 2015-03-31 524
            ocg_count F 12 2015-06-30 631
            ocg_per_million F 17 2015-06-30 631
            ocg_predominant_drugs_pct F 42 2015-06-30 640
            ocg_predominant_drugs_pct EW 64 2015-06-30 640
            """),
        (gwent, """
            domestic_abuse_arrests_per_100_offences F 36 2017-06-30 262
            domestic_abuse_arrests_per_100_offences EW 46 2017-06-30 262
            custody_place_of_safety_count F 63 2017-06-30 295
            custody_place_of_safety_per_100000 F 107.9 2017-06-30 295
            custody_place_of_safety_per_100000 EW 17.5 2017-06-30 295
            ocg_per_million F 33 2017-07-01 355
            ocg_per_million EW 47 2017-07-01 364
            """),
    ])
    func narrative(name: String, expected: String) throws {
        #expect(figureRows(try parseSample(name), .narrative) == lines(expected))
    }

    @Test("periods: twelve months to a date start the day after that date a year before")
    func periods() throws {
        let figure = try #require(try parseSample(dyfedPowys).figures.first { $0.metric == .callsForAssistancePer1000 })
        #expect(figure.period == Period(start: Day(iso: "2014-04-01"), end: Day(iso: "2015-03-31")))
        let ocg = try #require(try parseSample(gwent).figures.first { $0.metric == .ocgPerMillion })
        #expect(ocg.period == Period(asAt: Day(iso: "2017-07-01")))
    }

    @Test("every figure's number is printed on its source line", arguments: [dyfedPowys, wiltshire, gwent, westMercia])
    func traceable(name: String) throws {
        let raw = String(decoding: Fixtures.sample(name), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let report = try parseSample(name)
        #expect(!report.figures.isEmpty)
        for figure in report.figures {
            let line = raw[figure.line - 1].replacingOccurrences(of: ",", with: "")
            #expect(line.contains(plain(abs(figure.value))), "\(figure.metric) \(figure.value) at line \(figure.line)")
        }
    }

    @Test("findings per question, with their full text", arguments: [
        (dyfedPowys, ["investigating_crime/area_for_improvement": 2, "serious_organised_crime/area_for_improvement": 1]),
        (wiltshire, ["preventing_crime/area_for_improvement": 1, "investigating_crime/area_for_improvement": 5, "serious_organised_crime/area_for_improvement": 2]),
        (gwent, ["protecting_vulnerable/area_for_improvement": 3, "serious_organised_crime/area_for_improvement": 3]),
        (westMercia, ["preventing_crime/area_for_improvement": 3, "protecting_vulnerable/area_for_improvement": 3,
                      "serious_organised_crime/cause_of_concern": 1, "serious_organised_crime/recommendation": 5]),
        (nationalOverview, ["/recommendation": 13]),
    ])
    func findingCounts(name: String, expected: [String: Int]) throws {
        var counts: [String: Int] = [:]
        for finding in try parseSample(name).findings { counts["\(finding.question?.rawValue ?? "")/\(finding.kind.rawValue)", default: 0] += 1 }
        #expect(counts == expected)
    }

    @Test("findings keep their whole text, wrapped sub-bullets joined")
    func findingTexts() throws {
        let gwentFindings = try parseSample(gwent).findings
        let third = try #require(gwentFindings.first { $0.question == .protectingVulnerable && $0.ordinal == 3 })
        #expect(third.line == 337)
        #expect(third.text.hasPrefix("The force should improve its overall approach to safeguarding victims of domestic abuse by: understanding and taking appropriate action"))
        #expect(third.text.hasSuffix("including those victims who do not support police action."))

        let dyfed = try parseSample(dyfedPowys).findings
        #expect(dyfed.last?.text == "The force should add relevant data from partner agencies to its serious and organised crime local profile, and engage routinely with partner organisations in order to increase its ability to disrupt and investigate serious and organised crime.")
        #expect(dyfed.last?.line == 698)

        let concern = try #require(try parseSample(westMercia).findings.first { $0.kind == .causeOfConcern })
        #expect(concern.text == "The force's approach to tackling serious and organised crime lacks the essential features expected of an effective force and is putting the public at risk of harm.")
        #expect(concern.line == 349)
        let recommendations = try parseSample(westMercia).findings.filter { $0.kind == .recommendation }
        #expect(recommendations.map(\.ordinal) == [1, 2, 3, 4, 5])
        #expect(recommendations[3].text.hasPrefix("identify those at risk of being drawn into serious and organised crime"))
    }
}
