import Foundation
import PeelEnrichment
import PeelPDF
import PeelReport
import PeelRunReport
import PeelTables
import PeelValidation

/// What `index.html` shows beyond the manifest, gathered as entries are committed and findings written, in input and
/// entry order (so the same inputs give the same page whatever `--jobs` is). Kept within bounds: grades, distributions
/// and chart points are keyed by the vocabulary (years, forces, questions, metrics, periods); entries and findings
/// listed by name are capped. What grows with the input is the page map of each PEEL report read from a PDF, and the
/// key of each flagged figure. A listed finding's label (its report's force, year and entry) is asked of the writer
/// when the finding is listed: a label kept for every report (two small strings) stayed alive among the workers'
/// short-lived allocations, and the heap fragmented with the input's size (peak RSS 165 MB at 4 GB of text against
/// 140 MB without them), and for a million notes that are no reports it held 360 MB.
final class RunReportCollector {
    static let problemLimit = 200
    static let findingsPerRule = 25
    static let chartLimit = 24

    private let forces: ForceRegistry
    /// Each force's place in the registry, the form a report's force is kept in for its label (`ReportSubject`).
    private let forceIndex: [String: Int16]

    private struct GradePair { var forceReport: Grade?; var nationalTable: Grade? }
    private struct YearGrades {
        var scale: GradeScale
        var cells: [String: [Question: GradePair]] = [:]
    }
    private var grades: [Int: YearGrades] = [:]
    private var distributions: [Int: (scale: GradeScale, rows: [GradeDistribution])] = [:]

    /// A chart: the period as the page names it, kept as its dates (`period(_:)` makes the name only for the charts
    /// drawn; naming every figure's period in the serial commit built a string per figure).
    private struct ChartKey: Hashable, Comparable {
        let metric: Metric
        let unit: MetricUnit
        /// Only what the name shows: a period "as at" a date is that date alone.
        let period: Period

        init(metric: Metric, unit: MetricUnit, period: Period) {
            self.metric = metric
            self.unit = unit
            self.period = period.asAt.map { Period(asAt: $0) } ?? Period(start: period.start, end: period.end)
        }

        var periodName: String { RunReportCollector.period(period) }

        static func < (a: Self, b: Self) -> Bool { (a.metric, a.periodName, a.unit) < (b.metric, b.periodName, b.unit) }
    }
    private struct ChartPoint { let figure: Figure; let reportID: String; let year: Int }
    private struct ChartData {
        var englandAndWales: Double?
        var points: [String: ChartPoint] = [:]
    }
    private var charts: [ChartKey: ChartData] = [:]

    /// The page map of each report read from a PDF, to give a finding's source line its page.
    private var pages: [String: PageMap] = [:]
    private(set) var problems: [RunReport.Problem] = []
    private(set) var problemsNotListed = 0
    /// The first findings of each rule, with their reports' labels (see `note(_:label:)`).
    private var firstFindings: [RuleName: (errors: [LabelledFinding], others: [LabelledFinding])] = [:]
    private var ruleCounts: [RuleName: [Severity: Int]] = [:]
    /// (report id, metric) of charted force figures the validator finds far from England and Wales: only a chart point
    /// is ever looked up, so only those are kept (a key per flagged figure grew with the input).
    private var outliers: Set<PointKey> = []
    /// The (report id, metric) of every chart point, as points are added: findings are noted as their reports are
    /// committed, right after the report's own points (bounded as the points are, by the charts and the forces).
    private var pointKeys: Set<PointKey> = []
    /// A value, not the two joined in a string (a string made and hashed for every force figure, in the serial commit).
    private struct PointKey: Hashable {
        let reportID: String
        let metric: Metric
    }

    init(forces: ForceRegistry) {
        self.forces = forces
        forceIndex = Dictionary(uniqueKeysWithValues: forces.forces.enumerated().map { ($1.id, Int16($0)) })
    }

    private func forceName(_ id: String) -> String { forces.force(id: id)?.name ?? id }

    /// A report's grades, distributions and figures, and the page map of one read from a PDF. A document that is no
    /// PEEL report holds no grade, figure or parse problem (so no finding names it), and leaves nothing behind: its
    /// page map was kept for every PDF letter or form.
    func note(_ report: Report, id: String, pages: PageMap?) {
        guard report.reportType != .other else { return }
        if let pages { self.pages[id] = pages }
        guard let year = report.year else { return }
        for judgment in report.judgments {
            guard let forceID = judgment.forceID ?? report.forceID else { continue }
            // Changed in place: a copy of the year's grades taken out and put back was copied whole on every judgment
            // (the dictionary was shared while it was changed), in the serial commit.
            func record(_ pair: inout GradePair) {
                if report.reportType == .national {
                    if pair.nationalTable == nil { pair.nationalTable = judgment.grade }
                } else if pair.forceReport == nil {
                    pair.forceReport = judgment.grade
                }
            }
            record(&grades[year, default: YearGrades(scale: judgment.scale)].cells[forceID, default: [:]][judgment.question, default: GradePair()])
        }
        if report.reportType == .national, !report.gradeDistributions.isEmpty, distributions[year] == nil {
            distributions[year] = (report.judgments.first?.scale ?? GradeScale.forYear(year), report.gradeDistributions)
        }
        // One lookup a figure (the chart made if new), in the serial commit: a test and then a write hashed each key twice.
        for figure in report.figures where figure.qualifier == nil {
            if figure.area == .force && report.forceID == nil { continue }
            let key = ChartKey(metric: figure.metric, unit: figure.unit, period: figure.period)
            func record(_ chart: inout ChartData) {
                switch figure.area {
                case .englandAndWales:
                    if chart.englandAndWales == nil { chart.englandAndWales = figure.value }
                case .force:
                    // Figures of a report with no force were passed over above.
                    if let forceID = report.forceID, chart.points[forceID] == nil {
                        chart.points[forceID] = ChartPoint(figure: figure, reportID: id, year: year)
                        pointKeys.insert(PointKey(reportID: id, metric: figure.metric))
                    }
                }
            }
            record(&charts[key, default: ChartData()])
        }
    }

    func noteProblem(archive: String, entry: String, reason: String) {
        guard problems.count < Self.problemLimit else {
            problemsNotListed += 1
            return
        }
        problems.append(RunReport.Problem(archive: archive, entry: entry, reason: reason))
    }

    /// What `report` is, in the four bytes the writer keeps beside where each document was first met.
    func subject(of report: Report) -> ReportSubject {
        ReportSubject(report, forceIndex: forceIndex)
    }

    /// A finding counted, and listed if it is among its rule's first; `place` (asked only then) says where the report
    /// it is about was first read ("archive: entry") and what it is (`subject(of:)`).
    func note(_ finding: ValidationFinding, place: (String) -> (source: String, subject: ReportSubject)?) {
        ruleCounts[finding.rule, default: [:]][finding.severity, default: 0] += 1
        // Changed in place: a copy taken out and put back copied both lists (up to 50 findings) for every finding,
        // most of the validation table's serial time at the end of a run.
        func listed() -> LabelledFinding { LabelledFinding(finding: finding, label: place(finding.reportID).flatMap(label)) }
        if finding.severity == .error {
            if firstFindings[finding.rule]?.errors.count ?? 0 < Self.findingsPerRule {
                firstFindings[finding.rule, default: ([], [])].errors.append(listed())
            }
        } else if firstFindings[finding.rule]?.others.count ?? 0 < Self.findingsPerRule {
            firstFindings[finding.rule, default: ([], [])].others.append(listed())
        }
        // "figures <metric> force line N": the force's own figure, compared with England and Wales'.
        // A figure with an outcome type ("<metric>/<type>") is no chart point, and names no metric here.
        if finding.rule == .forceVsEnglandWales, let word = Self.secondWord(finding.subject), let metric = Metric(rawValue: word) {
            let key = PointKey(reportID: finding.reportID, metric: metric)
            if pointKeys.contains(key) { outliers.insert(key) }
        }
    }

    /// The second word of a finding's subject, between its first two spaces (or to its end), as splitting its
    /// Characters at spaces gives it; splitting cost more than the rest of noting a finding. Read on the bytes when
    /// that is the same (`secondWordOnBytes`), which it is for every subject peel writes: "figures <metric> <area>
    /// <period> line N", whose period ("2013-04-01…2014-03-31") is past the second word.
    static func secondWord(_ subject: String) -> String? {
        if let onBytes = subject.utf8.withContiguousStorageIfAvailable(secondWordOnBytes) ?? nil { return onBytes }
        return subject.split(separator: " ", maxSplits: 2).dropFirst().first.map(String.init)
    }

    /// The second word read on bytes, or nil (not `.some(nil)`) when bytes may not be Characters there: every byte up
    /// to the space that ends the second word must be ASCII and no carriage return (one Character each), and the byte
    /// after that space too (a combining mark would make the space and the mark one Character, which no split takes
    /// for a space). `.some(nil)`: fewer than two words.
    static func secondWordOnBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        var wordsEnded = 0
        var start: Int?
        for index in 0...bytes.count {
            if index < bytes.count {
                let byte = bytes[index]
                guard byte < 0x80, byte != 0x0D else { return nil }
                if byte != 0x20 {
                    if start == nil { start = index }
                    continue
                }
            }
            // A space, or the end: the word before it, if any, ends here.
            guard let wordStart = start else { continue }
            wordsEnded += 1
            start = nil
            if wordsEnded == 2 {
                if index + 1 < bytes.count && bytes[index + 1] >= 0x80 { return nil }
                return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), as: UTF8.self))
            }
        }
        return .some(nil)
    }

    /// How a finding names its report: its force (or "national overview") and year, and where it was read; nil for a
    /// document that is no PEEL report.
    private func label(_ place: (source: String, subject: ReportSubject)) -> ReportLabel? {
        let name: String
        switch place.subject.force {
        case ReportSubject.notReport.force: return nil
        case ReportSubject.national: name = "national overview"
        case 0...: name = forces.forces[Int(place.subject.force)].name
        default: name = "unknown force"
        }
        return ReportLabel(report: name + (place.subject.year == 0 ? "" : " \(place.subject.year)"), source: place.source)
    }

    /// ", page N" for a finding whose subject names its line ("… line 295") in a report read from a PDF.
    private func page(of finding: ValidationFinding) -> String {
        guard let map = pages[finding.reportID], let range = finding.subject.range(of: " line ", options: .backwards),
              let line = Int(finding.subject[range.upperBound...]) else { return "" }
        return ", page \(map.page(ofLine: line))"
    }

    static func period(_ period: Period) -> String {
        if let asAt = period.asAt { return "as at \(asAt)" }
        switch (period.start, period.end) {
        case let (start?, end?): return "\(start) to \(end)"
        case let (nil, end?): return "to \(end)"
        case let (start?, nil): return "from \(start)"
        default: return "no period printed"
        }
    }

    private static let fourPoint: [Grade] = [.outstanding, .good, .requiresImprovement, .inadequate]
    private static let fivePoint: [Grade] = [.outstanding, .good, .adequate, .requiresImprovement, .inadequate]

    /// The findings noted, counted as the manifest gives them: every severity, and each rule that had any with the
    /// severities it had.
    var findingTotals: Manifest.ValidationTotals {
        var totals = Manifest.ValidationTotals(bySeverity: Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) }), byRule: [:])
        for (rule, counts) in ruleCounts {
            for (severity, count) in counts where count > 0 {
                totals.byRule[rule.rawValue, default: [:]][severity.rawValue] = count
                totals.bySeverity[severity.rawValue, default: 0] += count
            }
        }
        return totals
    }

    func rules() -> [RunReport.Rule] {
        RuleName.allCases.compactMap { rule in
            guard let counts = ruleCounts[rule] else { return nil }
            let kept = firstFindings[rule] ?? ([], [])
            return RunReport.Rule(name: rule.rawValue, errors: counts[.error] ?? 0, warnings: counts[.warning] ?? 0, infos: counts[.info] ?? 0,
                                  findings: (kept.errors + kept.others).map { listed in
                                      let finding = listed.finding
                                      return RunReport.Finding(severity: finding.severity.rawValue, report: listed.label?.report ?? finding.reportID,
                                                               source: (listed.label?.source ?? "") + page(of: finding), subject: finding.subject,
                                                               message: finding.message)
                                  })
        }
    }

    func gradeYears() -> [RunReport.GradeYear] {
        grades.keys.sorted().map { year in
            let yearGrades = grades[year]!
            let questions = Question.allCases.filter { question in yearGrades.cells.values.contains { $0[question] != nil } }
            let rows = yearGrades.cells.keys.sorted { (forceName($0), $0) < (forceName($1), $1) }.map { forceID in
                RunReport.GradeRow(force: forceName(forceID), cells: questions.map { question in
                    let pair = yearGrades.cells[forceID]?[question]
                    return RunReport.GradeCell(forceReport: pair?.forceReport?.rawValue, nationalTable: pair?.nationalTable?.rawValue)
                })
            }
            let scale = yearGrades.scale
            return RunReport.GradeYear(year: year, scale: scale.rawValue,
                                       grades: (scale == .fivePoint ? Self.fivePoint : Self.fourPoint).map(\.rawValue),
                                       questions: questions.map(\.rawValue), rows: rows)
        }
    }

    func gradeDistributions() -> [RunReport.Distribution] {
        distributions.keys.sorted().flatMap { year -> [RunReport.Distribution] in
            let (scale, rows) = distributions[year]!
            let order = scale == .fivePoint ? Self.fivePoint : Self.fourPoint
            return Question.allCases.compactMap { question in
                let counts = order.compactMap { grade in rows.first { $0.question == question && $0.grade == grade }.map { (grade.rawValue, $0.forces) } }
                return counts.isEmpty ? nil : RunReport.Distribution(year: year, scale: scale.rawValue, question: question.rawValue, counts: counts)
            }
        }
    }

    /// The metric and period pairs printed by the most forces, at most `chartLimit`, each force's points by value.
    func figureCharts(denominators: Denominators) -> (charts: [RunReport.FigureChart], notShown: Int) {
        let drawable = charts.filter { $0.value.points.count >= 2 }
        let chosen = drawable.keys.sorted { (drawable[$0]!.points.count, $1) > (drawable[$1]!.points.count, $0) }.prefix(Self.chartLimit)
        let out = chosen.sorted().map { key -> RunReport.FigureChart in
            let data = drawable[key]!
            let points = data.points.map { forceID, point -> RunReport.FigureChart.Point in
                let figure = point.figure
                var rate: String?
                if figure.unit == .count {
                    let enriched = Enrichment.enrich(figure, forceID: forceID, reportYear: point.year, denominators: denominators)
                    if let implied = enriched.impliedRate, let unit = enriched.impliedRateUnit {
                        rate = "\(Numbers.short(implied)) \(Numbers.words(unit.rawValue))"
                    }
                }
                return RunReport.FigureChart.Point(force: forceName(forceID), value: figure.value, printed: Numbers.short(figure.value),
                                                   outlier: outliers.contains(PointKey(reportID: point.reportID, metric: figure.metric)), populationRate: rate)
            }.sorted { ($0.value, $0.force) > ($1.value, $1.force) }
            return RunReport.FigureChart(metric: key.metric.rawValue, unit: Numbers.words(key.unit.rawValue), period: key.periodName,
                                         englandAndWales: data.englandAndWales, points: points)
        }
        return (out, drawable.count - out.count)
    }
}

/// The page's values from the run's records and the collector.
enum RunReportBuilder {
    static let path = "index.html"

    static func report(runId: String, startedAt: String, status: ExitStatus, why: String, archives: [ArchiveRecord], totals: Manifest.Totals,
                       stages: [Manifest.StageRecord], collector: RunReportCollector, tables: [Manifest.TableRecord],
                       denominators: Denominators, formats: TableFormats) -> RunReport {
        let (charts, notShown) = collector.figureCharts(denominators: denominators)
        func bound(_ bound: ColumnStatistics.Bound?) -> String? {
            switch bound {
            case .number(let number)?: Numbers.short(number)
            case .text(let text)?: text
            case nil: nil
            }
        }
        return RunReport(
            exitStatus: Int(status.rawValue), status: status.name, why: why, runID: runId, startedAt: startedAt,
            stages: stages.map { RunReport.Stage(name: $0.name, clock: $0.clock, items: $0.items, seconds: $0.seconds) },
            inputs: archives.map { RunReport.Input(path: $0.path, status: $0.summary.failure == nil ? "read" : "failed", entries: $0.summary.entries,
                                                   cached: $0.cached, error: $0.summary.failure) },
            parsed: totals.parsed, skipped: totals.skipped, quarantined: totals.quarantined,
            reasons: totals.reasons.map { RunReport.ReasonCount(status: $0.status.rawValue, reason: $0.reason, entries: $0.entries) },
            problems: collector.problems, problemsNotListed: collector.problemsNotListed, rules: collector.rules(),
            gradeYears: collector.gradeYears(), distributions: collector.gradeDistributions(), figures: charts, figuresNotShown: notShown,
            tables: tables.map { table in
                RunReport.Table(name: table.name, rows: table.rows, file: formats.flatPath(table.name), columns: table.columns.map {
                    RunReport.Column(name: $0.name, type: $0.type, nulls: $0.nulls, distinct: $0.distinct, min: bound($0.min), max: bound($0.max))
                })
            })
    }
}

/// A report as a finding on the page names it: its force (or "national overview") and year, and the archive entry it
/// was read from.
private struct ReportLabel {
    let report: String
    let source: String
}

/// A finding listed on the page, with its report's label.
private struct LabelledFinding {
    let finding: ValidationFinding
    let label: ReportLabel?
}

/// What a document is, in four bytes, kept for every distinct one so that a finding can name its report on the page
/// without a string per report: the force's place in the registry (or one of the codes below) and the year (0: none).
struct ReportSubject: Sendable, Equatable {
    let force: Int16
    let year: Int16

    static let national: Int16 = -1
    static let unknownForce: Int16 = -2
    static let notReport = ReportSubject(force: -3, year: 0)

    init(force: Int16, year: Int16) {
        self.force = force
        self.year = year
    }

    init(_ report: Report, forceIndex: [String: Int16]) {
        let force: Int16 = switch report.reportType {
        case .other: Self.notReport.force
        case .national: Self.national
        case .force: report.forceID.flatMap { forceIndex[$0] } ?? Self.unknownForce
        }
        self.init(force: force, year: report.year.flatMap { Int16(exactly: $0) } ?? 0)
    }
}
