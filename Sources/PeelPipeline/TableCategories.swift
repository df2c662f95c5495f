import PeelReport
public import PeelTables
import PeelText
import PeelValidation

// The closed vocabularies the tables hold as category columns, written by their cases (`RowBatch.category`). Stated
// here, where the tables are made, so that neither the report nor the text module knows of tables.
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
