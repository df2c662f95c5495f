/// What kind of document an entry holds, judged from its text alone.
public enum ReportType: String, Sendable, Codable {
    /// A PEEL inspection of one force.
    case force
    /// A PEEL national overview covering all forces.
    case national
    /// Anything that is not a PEEL report.
    case other
}

/// The PEEL pillar a report assesses.
public enum Pillar: String, Sendable, Codable, CaseIterable {
    case effectiveness, efficiency, legitimacy, leadership
}

/// A report as parsed so far: what it is and where its title stands.
public struct Report: Sendable, Equatable {
    public var reportType: ReportType
    public var pillar: Pillar?
    public var year: Int?
    public var title: String?
    /// Original line number of the title.
    public var titleLine: Int?

    public init(reportType: ReportType, pillar: Pillar? = nil, year: Int? = nil, title: String? = nil, titleLine: Int? = nil) {
        self.reportType = reportType
        self.pillar = pillar
        self.year = year
        self.title = title
        self.titleLine = titleLine
    }
}
