import PeelLayout

/// PEEL effectiveness 2016 and 2017 force reports: "Overall effectiveness 2017 …" and the Question / Grade / Last
/// inspected table (specialist capabilities ungraded); Force in numbers with crime outcome proportions, narrative
/// figures; areas for improvement, causes of concern and recommendations.
enum EffectivenessForce2016: ReportLayout {
    static let type = ReportType.force
    static let years = 2016...2017

    static func reads(_ title: TitlePage.Title) -> Bool {
        title.type == type && title.pillar == .effectiveness && years.contains(title.year)
    }

    static func read(_ text: LaidOutText, title: TitlePage.Title, forces: ForceRegistry, into report: inout Report) {
        JudgmentExtractor.forceReport2016(text, forceID: report.forceID, year: title.year, scale: GradeScale.forYear(title.year), into: &report)
        FigureExtractor.extract(text, forceName: title.subject, forceID: report.forceID, registry: forces, into: &report)
        FindingExtractor.extract(text.lines, into: &report)
    }
}
