import PeelReport
public import PeelTables
import PeelText
import PeelValidation

// The report's values written as table cells by what they are rather than as text: the closed vocabularies the
// tables hold as category columns by their cases (`RowBatch.category`), days as dates. Stated here, where the tables
// are made, so that neither the report nor the text module knows of tables.
extension TextEncoding: TableCategory {}
extension TextFormat: TableCategory {}
extension ReportType: TableCategory {}
extension Pillar: TableCategory {}
extension Question: TableCategory {}
extension Grade: TableCategory {}
extension GradeScale: TableCategory {}
extension Area: TableCategory {}
extension Metric: TableCategory {}
extension OutcomeType: TableCategory {}
extension MetricUnit: TableCategory {}
extension FigureSource: TableCategory {}
extension Finding.Kind: TableCategory {}
extension RuleName: TableCategory {}
extension Severity: TableCategory {}

extension RowBatch {
    /// A day as a date cell (`date(year:month:day:)`); null when there is none.
    mutating func date(_ day: Day?) {
        guard let day else { return null() }
        date(year: day.year, month: day.month, day: day.day)
    }
}
