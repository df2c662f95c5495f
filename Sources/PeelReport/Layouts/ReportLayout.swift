import PeelLayout

/// A report layout the parser knows: which title pages it reads, and how. One file per layout; a PEEL report whose
/// title no layout reads is recorded with its pillar and year and an `unsupported layout` problem.
protocol ReportLayout {
    /// The kind of report and the assessment years the layout reads.
    static var type: ReportType { get }
    static var years: ClosedRange<Int> { get }
    static func reads(_ title: TitlePage.Title) -> Bool
    static func read(_ text: LaidOutText, title: TitlePage.Title, forces: ForceRegistry, into report: inout Report)
}

enum ReportLayouts {
    /// Every layout, asked in order: adding a layout is one file and one entry here. (Computed: a stored array of
    /// metatypes is not `Sendable`.)
    static var all: [any ReportLayout.Type] { [
        EffectivenessForce2015.self,
        EffectivenessForce2016.self,
        EffectivenessNationalOverview.self,
    ] }

    static func layout(for title: TitlePage.Title) -> (any ReportLayout.Type)? {
        all.first { $0.reads(title) }
    }
}

extension ReportParser {
    /// The assessment years of the force reports the parser reads: those whose figures are enriched, so the
    /// population table must cover them.
    public static var forceReportYears: [Int] {
        Array(Set(ReportLayouts.all.filter { $0.type == .force }.flatMap { Array($0.years) })).sorted()
    }
}
