import PeelLayout

/// PEEL effectiveness national overviews (2014–2017): the all-force grade table, the grade distribution tables
/// and the recommendations.
enum EffectivenessNationalOverview: ReportLayout {
    static let type = ReportType.national
    static let years = 2014...2017

    static func reads(_ title: TitlePage.Title) -> Bool {
        title.type == type && title.pillar == .effectiveness && years.contains(title.year)
    }

    static func read(_ text: LaidOutText, title: TitlePage.Title, forces: ForceRegistry, into report: inout Report) {
        JudgmentExtractor.nationalTable(text, registry: forces, scale: GradeScale.forYear(title.year), into: &report)
        JudgmentExtractor.gradeDistributions(text, into: &report)
        FindingExtractor.extract(text.lines, into: &report)
    }
}
