import Foundation
import Testing
@testable import PeelReport

/// The metric, unit and outcome type enums against the contract (`metrics.csv` and `vocabulary.md`), copied here as
/// the contract prints them: a key or unit changed in code, or a case added without the contract, fails.
@Suite("The output vocabulary as enums")
struct VocabularyTests {
    /// `metrics.csv`: metric,unit, in the contract's order.
    static let contractMetrics = [
        "calls_for_assistance_per_1000,per_1000_population",
        "recorded_crime_per_1000,per_1000_population",
        "recorded_crime_change_1y_pct,percent",
        "recorded_crime_change_5y_pct,percent",
        "victim_based_crime_per_1000,per_1000_population",
        "victim_based_crime_change_5y_pct,percent",
        "sexual_offences_per_1000,per_1000_population",
        "assault_with_injury_per_1000,per_1000_population",
        "burglary_dwelling_per_1000_households,per_1000_households",
        "asb_incidents_per_1000,per_1000_population",
        "asb_incidents_count,count",
        "asb_incidents_change_1y_pct,percent",
        "charge_rate_pct,percent",
        "outcome_count,count",
        "outcome_rate_pct,percent",
        "domestic_abuse_incidents_per_1000,per_1000_population",
        "domestic_abuse_pct_of_crime,percent",
        "domestic_abuse_arrests_per_100_offences,per_100_offences",
        "ocg_count,count",
        "ocg_per_million,per_million_population",
        "ocg_predominant_drugs_pct,percent",
        "victim_satisfaction_pct,percent",
        "custody_place_of_safety_count,count",
        "custody_place_of_safety_per_100000,per_100000_population",
    ]

    /// `vocabulary.md`: the outcome types, in its order.
    static let contractOutcomeTypes = [
        "charged_summonsed", "taken_into_consideration", "out_of_court_formal", "caution_youths", "caution_adults",
        "penalty_notices_for_disorder", "out_of_court_informal", "cannabis_khat_warning", "community_resolution",
        "evidential_difficulties_victim_not_supporting", "no_suspect_identified",
    ]

    @Test("every metric of the contract is a case, with the contract's unit, and no other is")
    func metricsAndUnits() {
        #expect(Metric.allCases.map { "\($0.rawValue),\($0.unit.rawValue)" } == Self.contractMetrics)
        #expect(Vocabulary.metrics == Self.contractMetrics.map { String($0.split(separator: ",")[0]) }.sorted())
        #expect(Vocabulary.units == Set(Self.contractMetrics.map { String($0.split(separator: ",")[1]) }).sorted())
        #expect(MetricUnit.allCases.count == Vocabulary.units.count)
    }

    @Test("the outcome types are the contract's, in its order")
    func outcomeTypes() {
        #expect(OutcomeType.allCases.map(\.rawValue) == Self.contractOutcomeTypes)
        #expect(Vocabulary.outcomeTypes == Self.contractOutcomeTypes)
    }

    @Test("a change metric is one whose key says so: it may be negative or past 100")
    func changes() {
        for metric in Metric.allCases {
            #expect(metric.isChange == metric.rawValue.contains("_change_"), "\(metric)")
        }
    }

    @Test("messages, tables and JSON print the keys, and keys sort as their text")
    func printedAsKeys() throws {
        for metric in Metric.allCases {
            #expect("\(metric)" == metric.rawValue)
            #expect(String(data: try JSONEncoder().encode([metric]), encoding: .utf8) == "[\"\(metric.rawValue)\"]")
        }
        for unit in MetricUnit.allCases { #expect("\(unit)" == unit.rawValue) }
        for outcome in OutcomeType.allCases { #expect("\(outcome)" == outcome.rawValue) }
        #expect(Metric.allCases.sorted().map(\.rawValue) == Metric.allCases.map(\.rawValue).sorted())
        #expect(MetricUnit.allCases.sorted().map(\.rawValue) == MetricUnit.allCases.map(\.rawValue).sorted())
    }

    @Test("vocabulary cases hash by case: every case of a vocabulary hashes apart from the others, and a table finds each by its case")
    func caseHashing() {
        func check<T: CaseHashable & CaseIterable>(_ type: T.Type) {
            let cases = Array(T.allCases)
            #expect(Set(cases.map(\.hashValue)).count == cases.count, "\(T.self): cases that hash alike")
            let table = Dictionary(uniqueKeysWithValues: cases.enumerated().map { ($1, $0) })
            #expect(cases.indices.allSatisfy { table[cases[$0]] == $0 }, "\(T.self)")
        }
        check(Metric.self)
        check(MetricUnit.self)
        check(OutcomeType.self)
        check(Area.self)
        check(Question.self)
    }
}

/// The header of an all-force table whose columns are one space apart: "Force", then the first question's number,
/// with or without a bar between.
struct ForceHeaderTests {
    @Test("\"Force Q1.\", \"Force | Q1.\", \"Force │ Q1.\": a header; \"Force in numbers\", \"Force | Good\", \"Force |\": not", arguments: [
        ("Force Q1. Preventing crime", true), ("Force | Q1. Preventing crime", true), ("force \u{2502} q2. Investigating", true),
        ("Force \u{A6} Q1.", true), ("Force in numbers", false), ("Force | Good | Good", false), ("Force |", false), ("Force || Q1.", false),
    ])
    func header(line: String, isHeader: Bool) {
        let bytes = Array(line.utf8)
        #expect(bytes.withUnsafeBufferPointer(JudgmentExtractor.forceThenQuestion) == isHeader)
    }
}
