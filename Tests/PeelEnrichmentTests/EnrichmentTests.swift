import PeelEnrichment
import PeelReport
import PeelTestSupport
import Testing

let registry = try! ForceRegistry(csv: String(decoding: readBytes(Fixtures.packageRoot + "/Pipeline/forces.csv"), as: UTF8.self))
let population = try! PopulationTable(csv: String(decoding: readBytes(Fixtures.packageRoot + "/Pipeline/population.csv"), as: UTF8.self), forces: registry)

/// The shipped policy, as Pipeline/pipeline.json states it.
func shippedPolicy() -> DenominatorPolicy {
    var policy = DenominatorPolicy()
    policy.combinedAreas = [.init(forces: ["warwickshire", "west-mercia"], metrics: ["ocg_count", "ocg_per_million"], reportYears: [2015, 2016])]
    policy.unusable = ["city-of-london": "resident plus transient population is not published"]
    return policy
}

let denominators = Denominators(table: population, policy: shippedPolicy())

/// A figure of the vocabulary's `metric` and `unit`, named by their keys as the contract prints them.
private func figure(_ metric: String, _ value: Double, _ unit: String) -> Figure {
    figure(Metric(rawValue: metric)!, value, MetricUnit(rawValue: unit)!)
}

private func figure(_ metric: Metric, _ value: Double, _ unit: MetricUnit) -> Figure {
    Figure(area: .force, metric: metric, value: value, decimals: 1, unit: unit, period: Period(start: Day(iso: "2014-07-01"), end: Day(iso: "2015-06-30")), source: .narrative, line: 1)
}

@Suite("Enrichment with population denominators")
struct EnrichmentTests {
    @Test("the population year is the year before the report's, by configuration")
    func populationYear() {
        var policy = DenominatorPolicy()
        #expect(policy.populationYear(forReportYear: 2015) == 2014)
        #expect(policy.populationYear(forReportYear: 2017) == 2016)
        policy.yearOverrides = [2019: 2017]
        #expect(policy.populationYear(forReportYear: 2019) == 2017)
        #expect(denominators.denominator(forceID: "dyfed-powys", reportYear: 2015, metric: .asbIncidentsPer1000).population == 516_664)
        #expect(denominators.denominator(forceID: "gwent", reportYear: 2017, metric: .ocgPerMillion).population == 584_133)
    }

    @Test("per 1,000, per million and per 100,000 population imply counts; counts imply rates", arguments: [
        // Dyfed-Powys 2015, mid-2014 population 516,664 (SOURCES.md cross-check)
        ("asb_incidents_per_1000", 33.2, "per_1000_population", 17_153.245, nil, nil),
        ("ocg_per_million", 45, "per_million_population", 23.25, nil, nil),
        ("custody_place_of_safety_per_100000", 107.9, "per_100000_population", 557.48, nil, nil),
        ("asb_incidents_count", 17_130, "count", nil, 33.155, "per_1000_population"),
        ("ocg_count", 23, "count", nil, 44.516, "per_million_population"),
        ("custody_place_of_safety_count", 63, "count", nil, 12.194, "per_100000_population"),
    ] as [(String, Double, String, Double?, Double?, String?)])
    func arithmetic(metric: String, value: Double, unit: String, count: Double?, rate: Double?, rateUnit: String?) {
        let enriched = Enrichment.enrich(figure(metric, value, unit), forceID: "dyfed-powys", reportYear: 2015, denominators: denominators)
        #expect(enriched.denominator.population == 516_664)
        #expect(enriched.denominator.year == 2014)
        #expect(enriched.denominator.source == "ons_mye_2014")
        #expect(enriched.impliedCount == count)
        #expect(enriched.impliedRate == rate)
        #expect(enriched.impliedRateUnit?.rawValue == rateUnit)
        #expect(enriched.note.contains("ONS mid-2014 population"))
    }

    @Test("households, offences and percentages get no implied value, and the row says why", arguments: [
        ("burglary_dwelling_per_1000_households", "per_1000_households", "household estimates are not available"),
        ("domestic_abuse_arrests_per_100_offences", "per_100_offences", "denominator is offences"),
        ("charge_rate_pct", "percent", "no population denominator"),
    ])
    func noDenominator(metric: String, unit: String, reason: String) {
        let enriched = Enrichment.enrich(figure(metric, 2.5, unit), forceID: "dyfed-powys", reportYear: 2015, denominators: denominators)
        #expect(enriched.impliedCount == nil && enriched.impliedRate == nil)
        #expect(enriched.note.contains(reason))
    }

    @Test("City of London's resident population is shown but never divided by")
    func cityOfLondon() {
        let enriched = Enrichment.enrich(figure("asb_incidents_per_1000", 20, "per_1000_population"), forceID: "city-of-london", reportYear: 2015, denominators: denominators)
        #expect(enriched.denominator.population == 8_072)
        #expect(enriched.denominator.usable == false)
        #expect(enriched.impliedCount == nil)
        #expect(enriched.note.contains("resident population shown for reference only"))
    }

    @Test("Warwickshire and West Mercia OCG figures of 2015 and 2016 use their combined population")
    func combinedArea() {
        let ocg = denominators.denominator(forceID: "west-mercia", reportYear: 2015, metric: .ocgPerMillion)
        #expect(ocg.population == 551_594 + 1_242_142)
        #expect(ocg.note.contains("combined mid-2014 population of warwickshire and west-mercia"))
        #expect(denominators.denominator(forceID: "warwickshire", reportYear: 2016, metric: .ocgCount).population == 1_803_233)
        // Other metrics, and 2017, use the force's own population.
        #expect(denominators.denominator(forceID: "west-mercia", reportYear: 2015, metric: .asbIncidentsPer1000).population == 1_242_142)
        #expect(denominators.denominator(forceID: "west-mercia", reportYear: 2017, metric: .ocgPerMillion).population == population.estimate("west-mercia", 2016)?.population)
    }

    @Test("a force's denominators worked out once per report are the same as asked metric by metric")
    func perForceSameAsPerMetric() {
        // Every force (City of London's unusable one and the combined Warwickshire and West Mercia among them), every
        // year the policy reads and one it lacks, every metric of the contract and one it does not know.
        var policy = shippedPolicy()
        policy.combinedAreas.append(.init(forces: ["west-mercia", "gwent"], metrics: ["ocg_count", "asb_incidents_count"], reportYears: [2016]))
        let withOverlap = Denominators(table: population, policy: policy)
        for denominators in [denominators, withOverlap] {
            for force in registry.forces.map(\.id) + ["no-such-force"] {
                for year in [2012, 2014, 2015, 2016, 2017, 2031] {
                    let perForce = denominators.forForce(force, reportYear: year)
                    for metric in Metric.allCases {
                        let expected = denominators.denominator(forceID: force, reportYear: year, metric: metric)
                        #expect(perForce.denominator(metric: metric) == expected, "\(force) \(year) \(metric)")
                        for unit in MetricUnit.allCases {
                            let printed = figure(metric, 12.5, unit)
                            #expect(Enrichment.enrich(printed, denominator: perForce.denominator(metric: metric))
                                    == Enrichment.enrich(printed, forceID: force, reportYear: year, denominators: denominators))
                        }
                    }
                }
            }
        }
    }

    @Test("a population table missing a force or a year is an error naming it")
    func missingRows() {
        let text = String(decoding: readBytes(Fixtures.packageRoot + "/Pipeline/population.csv"), as: UTF8.self)
        let withoutGwent2014 = text.split(separator: "\n").filter { !$0.hasPrefix("gwent,2014,") }.joined(separator: "\n")
        #expect(throws: PopulationTable.InvalidTable.self) { try PopulationTable(csv: withoutGwent2014, forces: registry) }
        do { _ = try PopulationTable(csv: withoutGwent2014, forces: registry) } catch { #expect(error.description == "no population for force \"gwent\" in 2014") }
        let withoutKent = text.split(separator: "\n").filter { !$0.hasPrefix("kent,") }.joined(separator: "\n")
        do { _ = try PopulationTable(csv: withoutKent, forces: registry) } catch { #expect(error.description == "no population for force \"kent\"") }
        #expect(population.englandAndWales(2014) == 57_408_654)
    }
}
