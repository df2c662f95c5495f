public import PeelEnrichment
public import PeelReport

public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case error, warning, info

    private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Every validation rule, in the order its findings are listed: the one registry of rule names. A rule names
/// itself with a case, so no finding can name a rule the pipeline has no place for.
public enum RuleName: String, Sendable, CaseIterable, CustomStringConvertible, CaseHashable {
    case parse
    case judgmentCompleteness = "judgment_completeness"
    case crossDocumentGrades = "cross_document_grades"
    case forceReportsAgree = "force_reports_agree"
    case distributionMatchesTable = "distribution_matches_table"
    case countRatePopulation = "count_rate_population"
    case outcomeCountRate = "outcome_count_rate"
    case sameFigureAgrees = "same_figure_agrees"
    case englandWalesAgree = "england_wales_agree"
    case forceVsEnglandWales = "force_vs_england_wales"
    case range

    public var description: String { rawValue }
}

/// One thing a rule found, about one row of one report.
public struct ValidationFinding: Sendable, Equatable {
    public let reportID: String
    public let year: Int?
    public let rule: RuleName
    public let severity: Severity
    /// The row it is about: table, key and source line ("figures custody_place_of_safety_per_100000 force line 295").
    public let subject: String
    /// What was compared, with the numbers.
    public let message: String

    public init(reportID: String, year: Int?, rule: RuleName, severity: Severity, subject: String, message: String) {
        self.reportID = reportID
        self.year = year
        self.rule = rule
        self.severity = severity
        self.subject = subject
        self.message = message
    }
}

/// A parsed report and its id (the sha256 of its bytes).
public struct IdentifiedReport: Sendable {
    public let id: String
    public let report: Report

    public init(id: String, report: Report) {
        self.id = id
        self.report = report
    }
}

public struct ValidationSettings: Sendable, Equatable {
    /// Added to the printed rounding when a count and a rate are compared through a population estimate.
    public var populationTolerancePercent: Double = 3
    /// A force figure this many times above or below its England and Wales figure is flagged.
    public var outlierFactor: Double = 5

    public init() {}
}

/// Everything the rules see: all reports of the run, in their deterministic order, and the denominators.
public struct ValidationContext: Sendable {
    public let reports: [IdentifiedReport]
    public let denominators: Denominators
    public let settings: ValidationSettings

    public init(reports: [IdentifiedReport], denominators: Denominators, settings: ValidationSettings) {
        self.reports = reports
        self.denominators = denominators
        self.settings = settings
    }
}

/// What a rule about one report needs besides the report.
struct RuleContext: Sendable {
    let denominators: Denominators
    let settings: ValidationSettings
}

/// A check over one report alone. Each is small, named, and tested on its own; the pipeline runs them on its
/// parse workers, report by report, and never holds all reports at once.
protocol ReportRule: Sendable {
    var name: RuleName { get }
    func check(_ item: IdentifiedReport, _ context: RuleContext) -> [ValidationFinding]
}

public enum Validator {
    /// Rules about one report alone, in the order their findings are listed (`RuleName`'s order).
    static let reportRules: [any ReportRule] = [
        ParseProblemsRule(), JudgmentCompletenessRule(), DistributionMatchesTableRule(),
        CountRateConsistencyRule(), OutcomeConsistencyRule(), FigureConsistencyRule(),
        EnglandWalesOutlierRule(), RangeRule(),
    ]

    /// Findings of the rules about one report alone, in `RuleName`'s order: all findings of the first rule, then the
    /// second's, and so on.
    public static func checkReport(_ item: IdentifiedReport, denominators: Denominators, settings: ValidationSettings) -> [ValidationFinding] {
        let context = RuleContext(denominators: denominators, settings: settings)
        return reportRules.flatMap { $0.check(item, context) }
    }

    /// The whole of validation over reports held in memory (tests, small runs); the pipeline streams the same
    /// steps: `checkReport` per report, `EnglandWalesConsistency`, `ForceReportsAgree` and `CrossDocumentGrades` across
    /// them in order.
    public static func validate(_ context: ValidationContext) -> [ValidationFinding] {
        var byRule: [RuleName: [ValidationFinding]] = [:]
        var englandWales = EnglandWalesConsistency()
        var forceReports = ForceReportsAgree()
        var crossDocument = CrossDocumentGrades()
        var claims: [GradeClaim] = []
        for item in context.reports {
            for finding in checkReport(item, denominators: context.denominators, settings: context.settings) {
                byRule[finding.rule, default: []].append(finding)
            }
            byRule[EnglandWalesConsistency.name, default: []].append(contentsOf: englandWales.check(item))
            byRule[ForceReportsAgree.name, default: []].append(contentsOf: forceReports.check(item))
            crossDocument.noteNational(item)
            claims.append(contentsOf: CrossDocumentGrades.claims(item))
        }
        byRule[CrossDocumentGrades.name] = claims.compactMap(crossDocument.check)
        return RuleName.allCases.flatMap { byRule[$0] ?? [] }
    }
}

// MARK: - Shared helpers

extension Figure {
    /// Half a unit in the last printed place: how far the true value may be from the printed one.
    var roundingHalfWidth: Double { 0.5 / pow10(decimals) }

    /// "as at <date>", or "<start>…<end>" with "?" for an end not known.
    var periodText: String { written { $0.appendPeriodText(to: &$1) } }

    /// "<metric>", or "<metric>/<outcome type>".
    var key: String { written { $0.appendKey(to: &$1) } }

    func appendPeriodText(to bytes: inout [UInt8]) {
        if let asAt = period.asAt {
            bytes += "as at ".utf8
            bytes += asAt.description.utf8
        } else {
            bytes += (period.start?.description ?? "?").utf8
            bytes += "…".utf8
            bytes += (period.end?.description ?? "?").utf8
        }
    }

    func appendKey(to bytes: inout [UInt8]) {
        bytes += metric.rawValue.utf8
        if let qualifier {
            bytes.append(UInt8(ascii: "/"))
            bytes += qualifier.rawValue.utf8
        }
    }

    /// A string put together from its bytes (interpolation cost some thousands of instructions a string, callgrind).
    private func written(_ write: (Figure, inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        write(self, &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, exponent) { result *= 10 }
    return result
}

/// Numbers in messages: as printed, with thousands separators for big ones.
func show(_ value: Double, decimals: Int? = nil) -> String {
    let places = decimals ?? (value == value.rounded() ? 0 : 1)
    let scale = pow10(places)
    let scaled = (value * scale).rounded()
    // Nearly every number: its digits written from the rounded integer. `scaled / scale` for a whole `scaled` below
    // 10^15 is the double nearest that decimal, and that decimal (at most 15 digits) is the shortest that names it, so
    // it is what `String(rounded)` prints, in plain notation above 0.001. The general way below cost some 5,000
    // instructions a number (`Double.description`, Character edits; callgrind), and validation shows thousands.
    if (0...3).contains(places), abs(scaled) < 1e15, places == 0 || scaled != 0 {
        return plainDigits(Int(scaled), places: places, grouped: places == 0 && abs(scaled) >= 1_000)
    }
    return showGenerally(value, places: places)
}

/// `show` for any number: the double rounded to `places`, as its description prints it, padded with zeros to `places`,
/// thousands separated when whole.
func showGenerally(_ value: Double, places: Int) -> String {
    let scale = pow10(places)
    let rounded = (value * scale).rounded() / scale
    var text = places == 0 ? String(Int(rounded)) : String(rounded)
    if places > 0, let dot = text.firstIndex(of: ".") {
        let have = text.distance(from: dot, to: text.endIndex) - 1
        if have < places { text += String(repeating: "0", count: places - have) }
    }
    guard abs(rounded) >= 1_000, places == 0 else { return text }
    var digits = Array(text.drop { $0 == "-" })
    var index = digits.count - 3
    while index > 0 { digits.insert(",", at: index); index -= 3 }
    return (rounded < 0 ? "-" : "") + String(digits)
}

/// `whole` ÷ 10^`places` in plain digits with exactly `places` after the point; thousands separated if `grouped`.
/// Written backwards into a buffer on the stack (an `Int` has at most 19 digits, 6 separators, a point and a sign).
private func plainDigits(_ whole: Int, places: Int, grouped: Bool) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
        var start = 32, written = 0
        var magnitude = whole.magnitude
        func put(_ byte: UInt8) {
            start -= 1
            buffer[start] = byte
            written += 1
        }
        repeat {
            if written == places && places > 0 { put(UInt8(ascii: ".")) }
            if grouped && written % 4 == 3 { put(UInt8(ascii: ",")) }
            put(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0 || written <= places
        if whole < 0 { put(UInt8(ascii: "-")) }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<32]), as: UTF8.self)
    }
}

/// "figures <key> <area> <period> line N": what a finding about a figure is about. Its bytes put together: interpolated
/// (with the key and the period interpolated inside), it cost some 4,000 instructions a finding (callgrind). A test
/// holds it to the interpolated form.
func subject(_ figure: Figure) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(96)
    bytes += "figures ".utf8
    figure.appendKey(to: &bytes)
    bytes.append(UInt8(ascii: " "))
    bytes += figure.area.rawValue.utf8
    bytes.append(UInt8(ascii: " "))
    figure.appendPeriodText(to: &bytes)
    bytes += " line ".utf8
    bytes += String(figure.line).utf8
    return String(decoding: bytes, as: UTF8.self)
}
