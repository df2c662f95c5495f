/// What kind of document an entry holds, judged from its text alone.
public enum ReportType: String, Sendable, Codable, CaseIterable {
    /// A PEEL inspection of one force.
    case force
    /// A PEEL national overview covering all forces.
    case national
    /// Anything that is not a PEEL report.
    case other
}

/// The PEEL pillar a report assesses; `integrated` is the single PEEL report of 2018/19 on.
public enum Pillar: String, Sendable, Codable, CaseIterable {
    case effectiveness, efficiency, legitimacy, leadership, integrated
}

/// A report as parsed: what it is, and every grade, number and finding it prints, each with its source line.
public struct Report: Sendable, Equatable, Codable {
    public var reportType: ReportType
    public var pillar: Pillar?
    public var year: Int?
    public var title: String?
    /// Original line number of the title.
    public var titleLine: Int?
    /// Month of publication, `YYYY-MM`.
    public var published: String?
    /// `HMIC` or `HMICFRS`, from the copyright line.
    public var inspectorate: String?
    public var isbn: String?
    /// The force inspected (force reports only).
    public var forceID: String?
    public var judgments: [Judgment] = []
    public var gradeDistributions: [GradeDistribution] = []
    public var figures: [Figure] = []
    public var findings: [Finding] = []
    /// Why parts of the report were not read (an unknown grade word, a layout the parser does not know).
    public var problems: [ParseProblem] = []

    public init(reportType: ReportType, pillar: Pillar? = nil, year: Int? = nil, title: String? = nil, titleLine: Int? = nil) {
        self.reportType = reportType
        self.pillar = pillar
        self.year = year
        self.title = title
        self.titleLine = titleLine
    }
}

/// Something in a report the parser could not read as it stands, with the line it is on.
public struct ParseProblem: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning }
    public let severity: Severity
    public let line: Int?
    public let message: String

    public init(_ severity: Severity, line: Int?, _ message: String) {
        self.severity = severity
        self.line = line
        self.message = message
    }
}
