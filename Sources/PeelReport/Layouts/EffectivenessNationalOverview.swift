import PeelLayout

/// PEEL effectiveness national overviews (2014–2017): the all-force grade table, the grade distribution tables
/// and the recommendations.
enum EffectivenessNationalOverview: ReportLayout {
    static func reads(_ title: TitlePage.Title) -> Bool {
        title.type == .national && title.pillar == .effectiveness && (2014...2017).contains(title.year)
    }

    static func read(_ text: LaidOutText, title: TitlePage.Title, forces: ForceRegistry, into report: inout Report) {
        JudgmentExtractor.nationalTable(text, registry: forces, scale: GradeScale.forYear(title.year), into: &report)
        JudgmentExtractor.gradeDistributions(text, into: &report)
        FindingExtractor.extract(text.lines, into: &report)
    }
}
