public import PeelReport

/// A force figure with its denominator: counts implied by rates, rates implied by counts.
public struct EnrichedFigure: Sendable, Equatable {
    public let figure: Figure
    public let denominator: Denominator
    /// rate × population ÷ base, for rates per head of population.
    public let impliedCount: Double?
    /// count ÷ population × base, for counts; its unit in `impliedRateUnit`.
    public let impliedRate: Double?
    public let impliedRateUnit: String?
    /// Why no implied value, when there is none (added to the denominator's note).
    public let note: String
}

public enum Enrichment {
    /// Population base of each rate unit.
    public static let bases: [String: Double] = [
        "per_1000_population": 1_000, "per_100000_population": 100_000, "per_million_population": 1_000_000,
    ]

    /// The rate unit a count is expressed in when turned into a rate (the unit its rate counterpart uses).
    public static let rateUnitForCount: [String: String] = [
        "asb_incidents_count": "per_1000_population", "ocg_count": "per_million_population",
        "custody_place_of_safety_count": "per_100000_population", "outcome_count": "per_1000_population",
    ]

    public static func enrich(_ figure: Figure, forceID: String, reportYear: Int, denominators: Denominators) -> EnrichedFigure {
        enrich(figure, denominator: denominators.denominator(forceID: forceID, reportYear: reportYear, metric: figure.metric))
    }

    /// A figure with the denominator of its force, year and metric.
    public static func enrich(_ figure: Figure, denominator: Denominator) -> EnrichedFigure {
        func result(count: Double? = nil, rate: Double? = nil, rateUnit: String? = nil, why: String? = nil) -> EnrichedFigure {
            EnrichedFigure(figure: figure, denominator: denominator, impliedCount: count.map { rounded($0) }, impliedRate: rate.map { rounded($0) },
                           impliedRateUnit: rate == nil ? nil : rateUnit, note: why.map { denominator.note + "; " + $0 } ?? denominator.note)
        }
        let population = denominator.usable ? denominator.population.map(Double.init) : nil
        if let base = bases[figure.unit] {
            guard let population else { return result(why: "no implied count") }
            return result(count: figure.value * population / base)
        }
        if figure.unit == "count" {
            guard let unit = rateUnitForCount[figure.metric], let base = bases[unit] else { return result(why: "no rate counterpart for \(figure.metric)") }
            guard let population else { return result(why: "no implied rate") }
            return result(rate: figure.value / population * base, rateUnit: unit)
        }
        switch figure.unit {
        case "per_1000_households":
            return result(why: "a rate per 1,000 households: household estimates are not available, so no count is implied")
        case "per_100_offences":
            return result(why: "a rate per 100 offences: its denominator is offences, not population")
        case "percent":
            return result(why: "a percentage: no population denominator applies")
        default:
            return result(why: "unit \(figure.unit) has no population denominator")
        }
    }

    /// Three decimals: implied values are estimates, and fixed rounding keeps outputs byte-identical.
    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
