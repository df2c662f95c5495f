import PeelLayout

/// A report layout the parser knows: which title pages it reads, and how. One file per layout; a PEEL report whose
/// title no layout reads is recorded with its pillar and year and an `unsupported layout` problem.
protocol ReportLayout {
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
