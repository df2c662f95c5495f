import PeelEnrichment
public import PeelReport
import PeelText

/// What the parser could not read (unknown grade words, unknown labels, unsupported layouts).
struct ParseProblemsRule: ReportRule {
    let name = RuleName.parse

    func check(_ item: IdentifiedReport, _ context: RuleContext) -> [ValidationFinding] {
        item.report.problems.map { problem in
            ValidationFinding(reportID: item.id, year: item.report.year, rule: name, severity: problem.severity == .error ? .error : .warning,
                              subject: "report line \(problem.line.map(String.init) ?? "?")", message: problem.message)
        }
    }
}

/// A force effectiveness report grades every question of its year: 2014–15 overall and four questions,
/// 2016–17 also specialist capabilities.
struct JudgmentCompletenessRule: ReportRule {
    let name = RuleName.judgmentCompleteness

    func check(_ item: IdentifiedReport, _ context: RuleContext) -> [ValidationFinding] {
        let report = item.report
        guard report.reportType == .force, report.pillar == .effectiveness, let year = report.year, (2014...2017).contains(year) else { return [] }
        var expected: [Question] = [.overall, .preventingCrime, .investigatingCrime, .protectingVulnerable, .seriousOrganisedCrime]
        if year >= 2016 { expected.append(.specialistCapabilities) }
        let graded = Set(report.judgments.map(\.question))
        return expected.filter { !graded.contains($0) }.map { question in
            ValidationFinding(reportID: item.id, year: year, rule: name, severity: .error, subject: "judgments \(question.rawValue)",
                              message: "the \(year) effectiveness report grades \(question.rawValue), but no grade for it was found")
        }
    }
}

/// The same force, year and question graded in a force report and in a national table agree.
///
/// Across reports, and a national overview may come after the force reports it grades: force reports' grades
/// are kept as `GradeClaim`s (the pipeline spools them to disk) and checked once every national table is known.
public struct CrossDocumentGrades: Sendable {
    public static let name = RuleName.crossDocumentGrades
    private var national: [String: (judgment: Judgment, reportID: String)] = [:]

    public init() {}

    /// Takes in a national overview's all-force table (later tables win, as in a dictionary filled in report order).
    public mutating func noteNational(_ item: IdentifiedReport) {
        guard item.report.reportType == .national else { return }
        for judgment in item.report.judgments {
            national[Self.key(forceID: judgment.forceID, year: item.report.year, pillar: item.report.pillar, question: judgment.question)] = (judgment, item.id)
        }
    }

    /// A force report's grades, to be checked once all national tables are in.
    public static func claims(_ item: IdentifiedReport) -> [GradeClaim] {
        guard item.report.reportType == .force else { return [] }
        return item.report.judgments.map { GradeClaim(reportID: item.id, year: item.report.year, pillar: item.report.pillar, judgment: $0) }
    }

    /// Whether any national table has been taken in: with none, no claim can disagree.
    public var hasNationalTables: Bool { !national.isEmpty }

    /// What a claim is looked up by in the national tables.
    public static func key(of claim: GradeClaim) -> String {
        key(forceID: claim.judgment.forceID, year: claim.year, pillar: claim.pillar, question: claim.judgment.question)
    }

    /// Whether the claim with this key and grade disagrees with a national table: most agree, or have no national
    /// grade, and need not be read whole (`check` says the same of the whole claim).
    public func disagrees(key: String, grade: Grade) -> Bool {
        national[key].map { $0.judgment.grade != grade } ?? false
    }

    public func check(_ claim: GradeClaim) -> ValidationFinding? {
        let judgment = claim.judgment
        guard let other = national[Self.key(of: claim)], other.judgment.grade != judgment.grade else { return nil }
        return ValidationFinding(
            reportID: claim.reportID, year: claim.year, rule: Self.name, severity: .error,
            subject: "judgments \(judgment.question.rawValue) line \(judgment.line)",
            message: "\(judgment.forceID ?? "?") \(judgment.question.rawValue) is \(judgment.grade.rawValue) here (line \(judgment.line)) but \(other.judgment.grade.rawValue) in the national overview \(other.reportID.prefix(12)) (line \(other.judgment.line))")
    }

    /// "force|year|pillar|question". Its bytes put together: interpolating the four cost some 3,000 instructions a
    /// key, and every judgment of every report has one (callgrind).
    static func key(forceID: String?, year: Int?, pillar: Pillar?, question: Question) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(80)
        bytes += (forceID ?? "").utf8
        bytes.append(UInt8(ascii: "|"))
        bytes += String(year ?? 0).utf8
        bytes.append(UInt8(ascii: "|"))
        bytes += (pillar?.rawValue ?? "").utf8
        bytes.append(UInt8(ascii: "|"))
        bytes += question.rawValue.utf8
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Two force reports of one force, year and pillar are most often one report read twice: its PDF and its text, or copies
/// whose bytes differ (line ends, a converter's touch), which the pipeline's duplicate check (same sha256) cannot see.
/// Their rows are then in every table twice, and a sum or a count over them counts that force twice; where their grades
/// differ, one of them is wrong. Each later report is compared with the first of its force, year and pillar (in report
/// order): a grade that differs is a warning, on the question's row of the later report (not an error: a revisit or a
/// corrected edition may regrade a question within its year, and a run over both must not fail for it); grades that all
/// agree, an info finding naming the first report, so that a user can keep one of the two. One entry per force, year
/// and pillar is kept, however many reports a run reads.
public struct ForceReportsAgree: Sendable {
    public static let name = RuleName.forceReportsAgree
    private struct Subject: Hashable {
        let forceID: String
        let year: Int
        let pillar: Pillar?
    }
    private var firsts: [Subject: (reportID: String, judgments: [Judgment])] = [:]

    public init() {}

    /// Reports must come in report order.
    public mutating func check(_ item: IdentifiedReport) -> [ValidationFinding] {
        let report = item.report
        guard report.reportType == .force, let forceID = report.forceID, let year = report.year else { return [] }
        let judgments = report.judgments.filter { $0.forceID == forceID }
        let key = Subject(forceID: forceID, year: year, pillar: report.pillar)
        guard let first = firsts[key] else {
            firsts[key] = (item.id, judgments)
            return []
        }
        let earlier = first.reportID.prefix(12)
        var findings: [ValidationFinding] = []
        var shared = 0
        for judgment in judgments {
            guard let other = first.judgments.first(where: { $0.question == judgment.question }) else { continue }
            shared += 1
            if other.grade != judgment.grade {
                findings.append(ValidationFinding(
                    reportID: item.id, year: year, rule: Self.name, severity: .warning,
                    subject: "judgments \(judgment.question.rawValue) line \(judgment.line)",
                    message: "\(forceID) \(year) \(judgment.question.rawValue) is \(judgment.grade.rawValue) here (line \(judgment.line)) but \(other.grade.rawValue) in force report \(earlier) (line \(other.line)), the first read of this force, pillar and year"))
            }
        }
        if findings.isEmpty {
            let grades = shared == 0 ? "" : shared == 1 ? ", its one grade the same" : ", its \(shared) grades the same"
            findings.append(ValidationFinding(
                reportID: item.id, year: year, rule: Self.name, severity: .info,
                subject: "reports \(forceID) \(year) line \(report.titleLine.map(String.init) ?? "?")",
                message: "\(forceID) \(year) was read before, from force report \(earlier)\(grades): most often one report in two documents (its PDF and its text); its rows are in each table twice"))
        }
        return findings
    }
}

/// A force report's grade for one question, as `CrossDocumentGrades` checks it.
public struct GradeClaim: Sendable, Equatable {
    public let reportID: String
    public let year: Int?
    public let pillar: Pillar?
    public let judgment: Judgment

    public init(reportID: String, year: Int?, pillar: Pillar?, judgment: Judgment) {
        self.reportID = reportID
        self.year = year
        self.pillar = pillar
        self.judgment = judgment
    }
}

/// A national overview's grade distribution tables equal the counts of its own all-force table.
struct DistributionMatchesTableRule: ReportRule {
    let name = RuleName.distributionMatchesTable

    func check(_ item: IdentifiedReport, _ context: RuleContext) -> [ValidationFinding] {
        guard item.report.reportType == .national && !item.report.judgments.isEmpty else { return [] }
        return item.report.gradeDistributions.compactMap { row -> ValidationFinding? in
                let counted = item.report.judgments.filter { $0.question == row.question && $0.grade == row.grade }.count
                guard counted != row.forces else { return nil }
                return ValidationFinding(
                    reportID: item.id, year: item.report.year, rule: name, severity: .error,
                    subject: "grade_distributions \(row.question.rawValue) \(row.grade.rawValue) line \(row.line)",
                    message: "the distribution table says \(row.forces) forces were graded \(row.grade.rawValue) for \(row.question.rawValue), the all-force table has \(counted)")
        }
    }
}

/// A stated count and a stated rate of the same thing agree given the population: the implied rate must lie
/// within the printed rounding of the stated one, plus a tolerance for population estimate vintages.
struct CountRateConsistencyRule: ReportRule {
    let name = RuleName.countRatePopulation
    static let pairs: [(count: Metric, rate: Metric)] = [
        (.asbIncidentsCount, .asbIncidentsPer1000), (.ocgCount, .ocgPerMillion),
        (.custodyPlaceOfSafetyCount, .custodyPlaceOfSafetyPer100000),
    ]

    func check(_ item: IdentifiedReport, _ context: RuleContext) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        do {
            guard let forceID = item.report.forceID, let year = item.report.year else { return [] }
            let figures = item.report.figures.filter { $0.area == .force }
            for (countMetric, rateMetric) in Self.pairs {
                for count in figures where count.metric == countMetric {
                    for rate in figures where rate.metric == rateMetric && rate.period == count.period {
                        let denominator = context.denominators.denominator(forceID: forceID, reportYear: year, metric: rateMetric)
                        guard denominator.usable, let population = denominator.population, let base = Enrichment.base(rate.unit) else {
                            findings.append(ValidationFinding(reportID: item.id, year: year, rule: name, severity: .info, subject: subject(rate),
                                message: "not checked: \(denominator.note)"))
                            continue
                        }
                        let implied = count.value / Double(population) * base
                        let tolerance = rate.roundingHalfWidth + rate.value * context.settings.populationTolerancePercent / 100
                        guard abs(implied - rate.value) > tolerance else { continue }
                        var message = "stated \(show(rate.value, decimals: rate.decimals)) \(rate.unit.inWords) (line \(rate.line)), but \(show(count.value)) (line \(count.line)) ÷ \(show(Double(population))) (mid-\(denominator.year ?? 0)) × \(show(base)) = \(show(implied, decimals: max(1, rate.decimals)))"
                        let ratio = rate.value / implied
                        for factor in [10.0, 100, 1000] where abs(ratio / factor - 1) < 0.05 {
                            message += "; the stated rate is \(Int(factor))× the implied one, as if the base were \(show(base * factor)), not \(show(base))"
                        }
                        findings.append(ValidationFinding(reportID: item.id, year: year, rule: name, severity: .error, subject: subject(rate), message: message))
                    }
                }
            }
        }
        return findings
    }
}

/// Outcome tables: every row's rate is its count over the same number of offences, so the offences implied
/// by the most precise row give every other row's rate; and those offences match the recorded crime rate
/// times the population.
struct OutcomeConsistencyRule: ReportRule {
    let name = RuleName.outcomeCountRate

    func check(_ item: IdentifiedReport, _ context: RuleContext) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        do {
            for area in [Area.force, .englandAndWales] {
                let figures = item.report.figures.filter { $0.area == area && $0.source == .figureTable }
                let counts = figures.filter { $0.metric == .outcomeCount }
                let pairs = counts.compactMap { count -> (count: Figure, rate: Figure)? in
                    guard let rate = figures.first(where: { $0.metric == .outcomeRatePct && $0.qualifier == count.qualifier && $0.period == count.period }),
                          rate.value > 0 else { return nil }
                    return (count, rate)
                }
                guard let reference = pairs.max(by: { $0.count.value < $1.count.value }) else { continue }
                let offences = reference.count.value / (reference.rate.value / 100)
                let referenceError = reference.rate.roundingHalfWidth / reference.rate.value
                for (count, rate) in pairs {
                    let implied = count.value / offences * 100
                    let tolerance = rate.roundingHalfWidth + implied * referenceError + 1e-9
                    guard abs(implied - rate.value) > tolerance else { continue }
                    findings.append(ValidationFinding(
                        reportID: item.id, year: item.report.year, rule: name, severity: .error, subject: subject(rate),
                        message: "stated \(show(rate.value, decimals: rate.decimals))% of offences, but \(show(count.value)) outcomes over the \(show(offences, decimals: 0)) offences implied by \(reference.count.qualifier?.rawValue ?? "") (line \(reference.count.line)) are \(show(implied, decimals: 2))%"))
                }
                // The offences against recorded crime per 1,000 times the population (force area only).
                guard area == .force, let forceID = item.report.forceID, let year = item.report.year,
                      let crime = item.report.figures.first(where: { $0.area == .force && $0.metric == .recordedCrimePer1000 && $0.period == reference.count.period }) else { continue }
                let denominator = context.denominators.denominator(forceID: forceID, reportYear: year, metric: crime.metric)
                guard denominator.usable, let population = denominator.population else { continue }
                let recorded = crime.value * Double(population) / 1000
                let tolerance = crime.roundingHalfWidth / crime.value + referenceError + context.settings.populationTolerancePercent / 100
                if abs(offences / recorded - 1) > tolerance {
                    findings.append(ValidationFinding(
                        reportID: item.id, year: year, rule: name, severity: .error, subject: subject(reference.rate),
                        message: "outcome rates imply \(show(offences, decimals: 0)) offences, but recorded crime of \(show(crime.value, decimals: crime.decimals)) per 1,000 (line \(crime.line)) × \(show(Double(population))) (mid-\(denominator.year ?? 0)) is \(show(recorded, decimals: 0))"))
                }
            }
        }
        return findings
    }
}

/// The same figure printed twice in one report (Force in numbers, a table, a sentence) agrees within the
/// printed precision of both. The FIN charge rate is the charged/summonsed outcome rate.
struct FigureConsistencyRule: ReportRule {
    let name = RuleName.sameFigureAgrees

    /// Figures that state the same thing. A value key, not an interpolated string: building one string per figure
    /// was most of this rule's cost.
    struct ComparableKey: Hashable {
        let area: Area
        let metric: Metric
        let qualifier: OutcomeType?
        let period: Period

        /// The three cases' tags in one word, then the period. Combined a field at a time, each case through
        /// `combine(bytes:)`, hashing was most of these rules' cost: every figure's key is hashed (callgrind).
        func hash(into hasher: inout Hasher) {
            hasher.combine(tag(area) | tag(metric) << 8 | tag(qualifier) << 16)
            hasher.combine(period)
        }

        /// A case's bytes as a number (cases without payloads are distinct bytes, the same for equal cases; `nil` is a
        /// value of its own).
        private func tag<T>(_ value: T) -> UInt32 {
            withUnsafeBytes(of: value) { bytes in bytes.reduce(0) { $0 << 8 | UInt32($1) } }
        }
    }

    static func comparableKey(_ figure: Figure) -> ComparableKey {
        figure.metric == .chargeRatePct
            ? ComparableKey(area: figure.area, metric: .outcomeRatePct, qualifier: .chargedSummonsed, period: figure.period)
            : ComparableKey(area: figure.area, metric: figure.metric, qualifier: figure.qualifier, period: figure.period)
    }

    func check(_ item: IdentifiedReport, _ context: RuleContext) -> [ValidationFinding] {
        disagreements(item.report.figures, comparableKey: Self.comparableKey).map { first, other in
            ValidationFinding(reportID: item.id, year: item.report.year, rule: name, severity: .error, subject: subject(other),
                              message: "\(other.key) is \(show(other.value, decimals: other.decimals)) at line \(other.line) but \(show(first.value, decimals: first.decimals)) at line \(first.line) (\(first.source.rawValue))")
        }
    }
}

/// England and Wales figures for the same metric and period agree across all reports of a year.
/// Across reports, in report order: each report is compared with the first report that printed the figure,
/// so only one figure per key is kept, however many reports a run reads.
public struct EnglandWalesConsistency: Sendable {
    public static let name = RuleName.englandWalesAgree
    /// Each key's first figure, by its place in `firsts`: a hit reads the figure where it lies, not a copy of it.
    private var seen: [FigureConsistencyRule.ComparableKey: Int] = [:]
    private var firsts: [(figure: Figure, reportID: String)] = []

    public init() {}

    /// A report's England and Wales figures as the check takes them: one per key, in line order, then printed order.
    /// Made on the parse worker, so the part that must run in report order is only lookups.
    public struct ReportFigures: Sendable {
        fileprivate let reportID: String
        fileprivate let year: Int?
        fileprivate let figures: [(key: FigureConsistencyRule.ComparableKey, figure: Figure)]
    }

    public static func figures(_ item: IdentifiedReport) -> ReportFigures {
        // One figure per key from each report; differences inside a report are same_figure_agrees' business.
        // A stable sort: hash order must never decide what is written.
        // Sorted as indices (a key's first figure comes first in the report's order, so its index stands for its place
        // among the firsts), and copied out once.
        let figures = item.report.figures
        var keys = Set<FigureConsistencyRule.ComparableKey>(minimumCapacity: figures.count)
        var firstInReport: [(index: Int, key: FigureConsistencyRule.ComparableKey)] = []
        for (index, figure) in figures.enumerated() where figure.area == .englandAndWales {
            let key = FigureConsistencyRule.comparableKey(figure)
            if keys.insert(key).inserted { firstInReport.append((index, key)) }
        }
        firstInReport.sort { (figures[$0.index].line, $0.index) < (figures[$1.index].line, $1.index) }
        return ReportFigures(reportID: item.id, year: item.report.year, figures: firstInReport.map { ($0.key, figures[$0.index]) })
    }

    public mutating func check(_ item: IdentifiedReport) -> [ValidationFinding] {
        check(Self.figures(item))
    }

    /// Reports must come in report order.
    public mutating func check(_ report: ReportFigures) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        for (key, figure) in report.figures {
            let place = firstIndex(of: key, in: &seen, else: firsts.count)
            guard place < firsts.count else {
                firsts.append((figure, report.reportID))
                continue
            }
            // Compared in place; the earlier figure is copied only for a finding's message.
            if abs(firsts[place].figure.value - figure.value) > firsts[place].figure.roundingHalfWidth + figure.roundingHalfWidth + 1e-9 {
                let earlier = firsts[place].figure
                findings.append(ValidationFinding(
                    reportID: report.reportID, year: report.year, rule: Self.name, severity: .error, subject: subject(figure),
                    message: "England and Wales \(figure.key) (\(figure.periodText)) is \(show(figure.value, decimals: figure.decimals)) here but \(show(earlier.value, decimals: earlier.decimals)) in report \(firsts[place].reportID.prefix(12)) line \(earlier.line)"))
            }
        }
        return findings
    }
}

/// A force figure more than `outlierFactor` times above or below its England and Wales figure: often a digit
/// lost in extraction or a mislabelled unit.
struct EnglandWalesOutlierRule: ReportRule {
    let name = RuleName.forceVsEnglandWales

    func check(_ item: IdentifiedReport, _ context: RuleContext) -> [ValidationFinding] {
        let factor = context.settings.outlierFactor
        do {
            let figures = item.report.figures
            // The first positive England and Wales figure of each metric, qualifier and period (a lookup, not a scan
            // of every figure for every force figure), by its index: one hash a figure, no figure copied.
            var comparators = [FigureConsistencyRule.ComparableKey: Int](minimumCapacity: figures.count)
            for (index, figure) in figures.enumerated() where figure.area == .englandAndWales && figure.value > 0 {
                firstIndex(of: FigureConsistencyRule.ComparableKey(area: .force, metric: figure.metric, qualifier: figure.qualifier, period: figure.period),
                           in: &comparators, else: index)
            }
            guard !comparators.isEmpty else { return [] }
            return figures.compactMap { figure in
                guard figure.area == .force && figure.unit != .count && !figure.metric.isChange && figure.value > 0,
                      let found = comparators[FigureConsistencyRule.ComparableKey(area: .force, metric: figure.metric, qualifier: figure.qualifier, period: figure.period)]
                else { return nil }
                let comparator = figures[found]
                let ratio = figure.value / comparator.value
                guard ratio > factor || ratio < 1 / factor else { return nil }
                return ValidationFinding(
                    reportID: item.id, year: item.report.year, rule: name, severity: .warning, subject: subject(figure),
                    message: "force \(show(figure.value, decimals: figure.decimals)) is \(show(ratio > 1 ? ratio : 1 / ratio, decimals: 1))× \(ratio > 1 ? "above" : "below") England and Wales \(show(comparator.value, decimals: comparator.decimals)) (line \(comparator.line))")
            }
        }
    }
}

/// Percentages lie within 0–100 (changes excepted); rates and counts are not negative.
struct RangeRule: ReportRule {
    let name = RuleName.range

    func check(_ item: IdentifiedReport, _ context: RuleContext) -> [ValidationFinding] {
        do {
            return item.report.figures.compactMap { figure -> ValidationFinding? in
                let isChange = figure.metric.isChange
                var problem: String?
                if figure.unit == .percent && !isChange && !(0...100).contains(figure.value) { problem = "a percentage outside 0–100" }
                else if !isChange && figure.value < 0 { problem = "a negative \(figure.unit == .count ? "count" : "rate")" }
                guard let problem else { return nil }
                return ValidationFinding(reportID: item.id, year: item.report.year, rule: name, severity: .error, subject: subject(figure),
                                         message: "\(figure.key) is \(show(figure.value, decimals: figure.decimals)): \(problem)")
            }
        }
    }
}

/// Pairs (first printed, later printed) of figures with the same key whose values differ beyond rounding.
func disagreements<Key: Hashable>(_ figures: [Figure], comparableKey: (Figure) -> Key) -> [(Figure, Figure)] {
    // Sized at once: grown from empty, the table was rehashed several times for every report (callgrind). It holds
    // indices: a figure copied in and out of it was most of the rest.
    var first = [Key: Int](minimumCapacity: figures.count)
    var out: [(Figure, Figure)] = []
    for (index, figure) in figures.enumerated() {
        let earlierIndex = firstIndex(of: comparableKey(figure), in: &first, else: index)
        guard earlierIndex != index else { continue }
        let earlier = figures[earlierIndex]
        if abs(earlier.value - figure.value) > earlier.roundingHalfWidth + figure.roundingHalfWidth + 1e-9 { out.append((earlier, figure)) }
    }
    return out
}

/// The value `key` has in `table`, after setting it to `value` if it had none: one hash, where a lookup and then an
/// insertion on a miss (most figures' keys are new) hashed the key twice.
@discardableResult
func firstIndex<Key: Hashable>(of key: Key, in table: inout [Key: Int], else value: Int) -> Int {
    func read(_ stored: inout Int) -> Int { stored }
    return read(&table[key, default: value])
}

