public import PeelReport

/// Which population divides which figure: configuration from `Pipeline/pipeline.json`, never code.
public struct DenominatorPolicy: Sendable, Equatable {
    /// Forces whose figures HMIC reports against their combined population, for some metrics and years.
    public struct CombinedArea: Sendable, Equatable {
        public var forces: [String]
        public var metrics: Set<String>
        public var reportYears: Set<Int>

        public init(forces: [String], metrics: Set<String>, reportYears: Set<Int>) {
            self.forces = forces
            self.metrics = metrics
            self.reportYears = reportYears
        }
    }

    public var file = "population.csv"
    /// Which ONS release the estimates must come from; every row's `source` is checked against it.
    public var vintage = PopulationVintage.firstRelease
    /// Population year = report year + offset (HMIC: the mid-year estimate of the year before), unless overridden.
    public var yearOffset = -1
    public var yearOverrides: [Int: Int] = [:]
    public var combinedAreas: [CombinedArea] = []
    /// Forces whose published population is not the one HMIC divides by, with the reason.
    public var unusable: [String: String] = [:]

    public init() {}

    public func populationYear(forReportYear year: Int) -> Int {
        yearOverrides[year] ?? year + yearOffset
    }
}

/// Which release of ONS's mid-year estimates a population table holds, told by each row's `source` tag (see
/// Pipeline/SOURCES.md).
public enum PopulationVintage: String, Sendable, Equatable, CaseIterable {
    /// Each year as first published (the estimates HMIC divided by): from 2014 on, mid-YEAR comes from the
    /// mid-YEAR release (`ons_mye_YEAR`); earlier years from the back series.
    case firstRelease = "first_release"
    /// Every year from the mid-2019 release, which carries ONS's March 2018 revision of mid-2012 to mid-2016.
    case mye2019

    /// Why a row's source tag does not belong to this vintage, or nil when it does.
    public func mismatch(year: Int, source: String) -> String? {
        switch self {
        case .firstRelease:
            return year >= 2014 && source != "ons_mye_\(year)" ? "a first-release estimate of \(year) comes from ons_mye_\(year), not \(source)" : nil
        case .mye2019:
            return source != "ons_mye_2019_mye5" ? "every estimate of the mye2019 vintage comes from ons_mye_2019_mye5, not \(source)" : nil
        }
    }
}

/// The population a figure is divided by, or why there is none.
public struct Denominator: Sendable, Equatable {
    public var population: Int?
    public var year: Int?
    public var source: String?
    /// Which denominator was used, or why none could be.
    public var note: String
    /// False when the population is shown for reference but must not be divided by (City of London).
    public var usable: Bool
}

/// Population table and policy together: the denominator of any force figure.
public struct Denominators: Sendable {
    public let table: PopulationTable
    public let policy: DenominatorPolicy

    public init(table: PopulationTable, policy: DenominatorPolicy) {
        self.table = table
        self.policy = policy
    }

    /// The denominators of `forceID`'s figures in a report of `reportYear`: the same as `denominator(forceID:reportYear:
    /// metric:)` for every metric, with the one most metrics share worked out once (a report has hundreds of figures,
    /// and each denominator's note is a string made for it).
    public func forForce(_ forceID: String, reportYear: Int) -> ForceDenominators {
        let year = policy.populationYear(forReportYear: reportYear)
        return ForceDenominators(denominators: self, year: year, own: own(forceID, year: year),
                                 combinedAreas: policy.combinedAreas.filter { $0.forces.contains(forceID) && $0.reportYears.contains(reportYear) })
    }

    /// The population HMIC divided `metric` by for `forceID` in a report of `reportYear`.
    public func denominator(forceID: String, reportYear: Int, metric: Metric) -> Denominator {
        let year = policy.populationYear(forReportYear: reportYear)
        if let area = policy.combinedAreas.first(where: { $0.forces.contains(forceID) && $0.metrics.contains(metric.rawValue) && $0.reportYears.contains(reportYear) }) {
            return combined(area, year: year, metric: metric)
        }
        return own(forceID, year: year)
    }

    /// The summed population of a combined area's forces.
    fileprivate func combined(_ area: DenominatorPolicy.CombinedArea, year: Int, metric: Metric) -> Denominator {
        let parts = area.forces.map { table.estimate($0, year) }
        guard parts.allSatisfy({ $0 != nil }) else {
            return Denominator(year: year, note: "no mid-\(year) population for \(area.forces.joined(separator: " + ")) in \(policy.file)", usable: false)
        }
        let total = parts.reduce(0) { $0 + $1!.population }
        return Denominator(population: total, year: year, source: parts[0]!.source,
                           note: "combined mid-\(year) population of \(area.forces.joined(separator: " and ")), as HMIC counts their \(metric.rawValue.hasPrefix("ocg") ? "organised crime groups" : "figures") together",
                           usable: true)
    }

    /// The force's own population, and whether it may be divided by.
    private func own(_ forceID: String, year: Int) -> Denominator {
        guard let estimate = table.estimate(forceID, year) else {
            return Denominator(year: year, note: "no mid-\(year) population for \(forceID) in \(policy.file)", usable: false)
        }
        if let reason = policy.unusable[forceID] {
            return Denominator(population: estimate.population, year: year, source: estimate.source,
                               note: "resident population shown for reference only: \(reason)", usable: false)
        }
        return Denominator(population: estimate.population, year: year, source: estimate.source,
                           note: "ONS mid-\(year) population of the police force area (\(estimate.source))", usable: true)
    }
}

/// One force's denominators in reports of one year (`Denominators.forForce`).
public struct ForceDenominators: Sendable {
    private let denominators: Denominators
    private let year: Int
    /// The force's own population: every metric's but a combined area's.
    private let own: Denominator
    /// The combined areas the force is in that year, in the policy's order.
    private let combinedAreas: [DenominatorPolicy.CombinedArea]

    fileprivate init(denominators: Denominators, year: Int, own: Denominator, combinedAreas: [DenominatorPolicy.CombinedArea]) {
        self.denominators = denominators
        self.year = year
        self.own = own
        self.combinedAreas = combinedAreas
    }

    /// `Denominators.denominator(forceID:reportYear:metric:)` for this force and year.
    public func denominator(metric: Metric) -> Denominator {
        guard let area = combinedAreas.first(where: { $0.metrics.contains(metric.rawValue) }) else { return own }
        return denominators.combined(area, year: year, metric: metric)
    }
}
