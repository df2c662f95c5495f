import PeelLayout

/// PEEL effectiveness 2014 and 2015 force reports: an overall judgment and four questions, each with a "Summary of findings"
/// grade; Force in numbers, the rates and outcomes tables, narrative figures; areas for improvement per question.
enum EffectivenessForce2015: ReportLayout {
    static let type = ReportType.force
    static let years = 2014...2015

    static func reads(_ title: TitlePage.Title) -> Bool {
        title.type == type && title.pillar == .effectiveness && years.contains(title.year)
    }

    static func read(_ text: LaidOutText, title: TitlePage.Title, forces: ForceRegistry, into report: inout Report) {
        JudgmentExtractor.forceReport2015(text, forceID: report.forceID, scale: GradeScale.forYear(title.year), into: &report)
        FigureExtractor.extract(text, forceName: title.subject, forceID: report.forceID, registry: forces, into: &report)
        FindingExtractor.extract(text.lines, into: &report)
    }
}
