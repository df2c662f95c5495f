public import PeelReport

/// A force figure with its denominator: counts implied by rates, rates implied by counts.
public struct EnrichedFigure: Sendable, Equatable {
    public let figure: Figure
    public let denominator: Denominator
    /// rate × population ÷ base, for rates per head of population.
    public let impliedCount: Double?
    /// count ÷ population × base, for counts; its unit in `impliedRateUnit`.
    public let impliedRate: Double?
    public let impliedRateUnit: MetricUnit?
    /// Why no implied value, when there is none (added to the denominator's note).
    public let note: String
}

public enum Enrichment {
    /// Population base of each rate unit.
    public static func base(_ unit: MetricUnit) -> Double? {
        switch unit {
        case .per1000Population: 1_000
        case .per100000Population: 100_000
        case .perMillionPopulation: 1_000_000
        case .per1000Households, .per100Offences, .percent, .count: nil
        }
    }

    /// The rate unit a count is expressed in when turned into a rate (the unit its rate counterpart uses).
    public static func rateUnit(forCount metric: Metric) -> MetricUnit? {
        switch metric {
        case .asbIncidentsCount, .outcomeCount: .per1000Population
        case .ocgCount: .perMillionPopulation
        case .custodyPlaceOfSafetyCount: .per100000Population
        default: nil
        }
    }

    public static func enrich(_ figure: Figure, forceID: String, reportYear: Int, denominators: Denominators) -> EnrichedFigure {
        enrich(figure, denominator: denominators.denominator(forceID: forceID, reportYear: reportYear, metric: figure.metric))
    }

    /// A figure with the denominator of its force, year and metric.
    public static func enrich(_ figure: Figure, denominator: Denominator) -> EnrichedFigure {
        func result(count: Double? = nil, rate: Double? = nil, rateUnit: MetricUnit? = nil, why: String? = nil) -> EnrichedFigure {
            EnrichedFigure(figure: figure, denominator: denominator, impliedCount: count.map { rounded($0) }, impliedRate: rate.map { rounded($0) },
                           impliedRateUnit: rate == nil ? nil : rateUnit, note: why.map { denominator.note + "; " + $0 } ?? denominator.note)
        }
        let population = denominator.usable ? denominator.population.map(Double.init) : nil
        if let base = base(figure.unit) {
            guard let population else { return result(why: "no implied count") }
            return result(count: figure.value * population / base)
        }
        if figure.unit == .count {
            guard let unit = rateUnit(forCount: figure.metric), let base = base(unit) else { return result(why: "no rate counterpart for \(figure.metric.rawValue)") }
            guard let population else { return result(why: "no implied rate") }
            return result(rate: figure.value / population * base, rateUnit: unit)
        }
        switch figure.unit {
        case .per1000Households:
            return result(why: "a rate per 1,000 households: household estimates are not available, so no count is implied")
        case .per100Offences:
            return result(why: "a rate per 100 offences: its denominator is offences, not population")
        case .percent:
            return result(why: "a percentage: no population denominator applies")
        case .count, .per1000Population, .per100000Population, .perMillionPopulation:
            return result(why: "unit \(figure.unit.rawValue) has no population denominator")
        }
    }

    /// Three decimals: implied values are estimates, and fixed rounding keeps outputs byte-identical.
    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
