import PeelEnrichment
import PeelReport
import PeelTables
import PeelValidation

/// The tables a run writes, in (input path, entry order) and, within a report, in the order the report
/// prints things, so they are the same whatever the thread count. Column names follow the contract's
/// vocabulary; every row that comes from a report line names it in `source_line`.
enum ReportTables {
    /// Reports that are not duplicates, with their outcome's position: the unit every table iterates.
    private static func reports(_ extraction: ExtractionResult) -> [(outcome: EntryOutcome, report: Report, id: String)] {
        extraction.outcomes.compactMap { outcome in
            guard let report = outcome.document?.report, let id = outcome.sha256 else { return nil }
            return (outcome, report, id)
        }
    }

    /// The reports the later stages see, in the tables' order, each with its id.
    static func identifiedReports(_ extraction: ExtractionResult) -> [IdentifiedReport] {
        reports(extraction).map { IdentifiedReport(id: $0.id, report: $0.report) }
    }

    static func all(_ extraction: ExtractionResult) -> [Table] {
        [reportsTable(extraction), judgmentsTable(extraction), distributionsTable(extraction), figuresTable(extraction), findingsTable(extraction)]
    }

    // MARK: reports

    static let reportsSchema = TableSchema(
        name: "reports",
        fields: [
            Field("report_id", .string, "SHA-256 of the entry's bytes (lowercase hex)"),
            Field("source_archive", .string, "Input file the entry came from, as given to peel run"),
            Field("source_entry", .string, "Path of the entry inside the archive; nested archives joined with !/"),
            Field("bytes", .integer, "Size of the entry in bytes"),
            Field("encoding", .string, "Character encoding the text was read in"),
            Field("text_format", .string, "plain or markdown: the flavour of PDF extraction"),
            Field("report_type", .string, "force, national or other"),
            Field("pillar", .string, "PEEL pillar: effectiveness, efficiency, legitimacy, leadership or integrated"),
            Field("year", .integer, "Assessment year named in the title"),
            Field("published", .string, "Month of publication (YYYY-MM)"),
            Field("inspectorate", .string, "HMIC or HMICFRS"),
            Field("isbn", .string, "ISBN printed in the report"),
            Field("force_id", .string, "Force inspected (data.police.uk slug); empty for national reports"),
            Field("title", .string, "Title and subtitle as printed"),
            Field("title_line", .integer, "Line of the title in the entry"),
        ],
        partitionField: "year")

    static func reportsTable(_ extraction: ExtractionResult) -> Table {
        Table(schema: reportsSchema, rows: reports(extraction).map { outcome, report, id in
            [
                .text(id), .text(extraction.archives[outcome.archiveIndex].path), .text(outcome.path),
                .integer(outcome.bytes), .text(outcome.document!.encoding.rawValue), .text(outcome.document!.format.rawValue),
                .text(report.reportType.rawValue), Value(report.pillar?.rawValue), Value(report.year),
                Value(report.published), Value(report.inspectorate), Value(report.isbn), Value(report.forceID),
                Value(report.title), Value(report.titleLine),
            ]
        })
    }

    // MARK: judgments

    static let judgmentsSchema = TableSchema(
        name: "judgments",
        fields: [
            Field("report_id", .string, "Report the judgment is printed in"),
            Field("year", .integer, "Assessment year"),
            Field("force_id", .string, "Force graded"),
            Field("question", .string, "overall, preventing_crime, investigating_crime, protecting_vulnerable, serious_organised_crime or specialist_capabilities"),
            Field("grade", .string, "outstanding, good, adequate, requires_improvement, inadequate or ungraded"),
            Field("scale", .string, "four_point (to 2018/19) or five_point (2021/22 on)"),
            Field("grade_rank", .integer, "Rank on the report's own scale (four_point: outstanding 4 … inadequate 1); empty for ungraded"),
            Field("last_inspected", .integer, "Year the question was last inspected, where printed"),
            Field("source_line", .integer, "Line of the grade in the report"),
        ],
        partitionField: "year")

    static func judgmentsTable(_ extraction: ExtractionResult) -> Table {
        Table(schema: judgmentsSchema, rows: reports(extraction).flatMap { _, report, id in
            report.judgments.map { judgment in
                [
                    .text(id), Value(report.year), Value(judgment.forceID), .text(judgment.question.rawValue),
                    .text(judgment.grade.rawValue), .text(judgment.scale.rawValue), Value(judgment.grade.rank(on: judgment.scale)),
                    Value(judgment.lastInspected), .integer(judgment.line),
                ]
            }
        })
    }

    // MARK: grade_distributions

    static let distributionsSchema = TableSchema(
        name: "grade_distributions",
        fields: [
            Field("report_id", .string, "National overview the table is printed in"),
            Field("year", .integer, "Assessment year"),
            Field("question", .string, "Question the distribution is for"),
            Field("grade", .string, "Grade"),
            Field("forces", .integer, "Number of forces given that grade"),
            Field("source_line", .integer, "Line of the counts in the report"),
        ],
        partitionField: "year")

    static func distributionsTable(_ extraction: ExtractionResult) -> Table {
        Table(schema: distributionsSchema, rows: reports(extraction).flatMap { _, report, id in
            report.gradeDistributions.map { row in
                [.text(id), Value(report.year), .text(row.question.rawValue), .text(row.grade.rawValue), .integer(row.forces), .integer(row.line)]
            }
        })
    }

    // MARK: figures

    static let figuresSchema = TableSchema(
        name: "figures",
        fields: [
            Field("report_id", .string, "Report the figure is printed in"),
            Field("year", .integer, "Assessment year"),
            Field("force_id", .string, "Force the report is about"),
            Field("area", .string, "force, or england_and_wales for the national comparator"),
            Field("metric", .string, "Metric key (contract metrics.csv)"),
            Field("qualifier", .string, "Outcome type for outcome_count and outcome_rate_pct"),
            Field("value", .number, "The number as printed, sign kept for changes"),
            Field("unit", .string, "count, percent, per_1000_population, …"),
            Field("period_start", .date, "First day of the period the figure covers"),
            Field("period_end", .date, "Last day of the period the figure covers"),
            Field("as_at", .date, "Date a stock figure is taken at"),
            Field("source", .string, "force_in_numbers, figure_table or narrative"),
            Field("source_line", .integer, "Line of the value in the report"),
        ],
        partitionField: "year")

    static func figuresTable(_ extraction: ExtractionResult) -> Table {
        Table(schema: figuresSchema, rows: reports(extraction).flatMap { _, report, id in
            report.figures.map { figure in
                [
                    .text(id), Value(report.year), Value(report.forceID), .text(figure.area.rawValue), .text(figure.metric),
                    Value(figure.qualifier), .number(figure.value), .text(figure.unit), Value(figure.period.start),
                    Value(figure.period.end), Value(figure.period.asAt), .text(figure.source.rawValue), .integer(figure.line),
                ]
            }
        })
    }

    // MARK: findings

    static let findingsSchema = TableSchema(
        name: "findings",
        fields: [
            Field("report_id", .string, "Report the finding is printed in"),
            Field("year", .integer, "Assessment year"),
            Field("force_id", .string, "Force the report is about; empty for national reports"),
            Field("question", .string, "Question whose section the finding is in; empty outside them"),
            Field("kind", .string, "area_for_improvement, cause_of_concern or recommendation"),
            Field("ordinal", .integer, "Position among findings of the same kind under the same question"),
            Field("text", .string, "Full text, wrapped lines joined"),
            Field("source_line", .integer, "Line where the finding starts"),
        ],
        partitionField: "year")

    static func findingsTable(_ extraction: ExtractionResult) -> Table {
        Table(schema: findingsSchema, rows: reports(extraction).flatMap { _, report, id in
            report.findings.map { finding in
                [
                    .text(id), Value(report.year), Value(report.forceID), Value(finding.question?.rawValue), .text(finding.kind.rawValue),
                    .integer(finding.ordinal), .text(finding.text), .integer(finding.line),
                ]
            }
        })
    }

    // MARK: enriched_figures

    static let enrichedSchema = TableSchema(
        name: "enriched_figures",
        fields: [
            Field("report_id", .string, "Report the figure is printed in"),
            Field("year", .integer, "Assessment year"),
            Field("force_id", .string, "Force the figure is about"),
            Field("metric", .string, "Metric key (contract metrics.csv)"),
            Field("qualifier", .string, "Outcome type for outcome metrics"),
            Field("value", .number, "The number as printed"),
            Field("unit", .string, "Unit of value"),
            Field("period_start", .date, "First day of the period the figure covers"),
            Field("period_end", .date, "Last day of the period the figure covers"),
            Field("as_at", .date, "Date a stock figure is taken at"),
            Field("source", .string, "force_in_numbers, figure_table or narrative"),
            Field("source_line", .integer, "Line of the value in the report"),
            Field("population", .integer, "ONS mid-year population used as denominator (or shown for reference)"),
            Field("population_year", .integer, "Mid-year of that estimate"),
            Field("population_source", .string, "ONS release the estimate comes from (Pipeline/SOURCES.md)"),
            Field("denominator_note", .string, "Which denominator was used, or why none could be"),
            Field("implied_count", .number, "For rates per head: rate × population ÷ base"),
            Field("implied_rate", .number, "For counts: count ÷ population × base"),
            Field("implied_rate_unit", .string, "Unit of implied_rate"),
        ],
        partitionField: "year")

    /// Stage 5: every force-area figure of every force report with its denominator.
    static func enrich(_ reports: [IdentifiedReport], denominators: Denominators) -> [(id: String, year: Int, forceID: String, figure: EnrichedFigure)] {
        reports.flatMap { item -> [(id: String, year: Int, forceID: String, figure: EnrichedFigure)] in
            guard let forceID = item.report.forceID, let year = item.report.year else { return [] }
            return item.report.figures.filter { $0.area == .force }.map {
                (item.id, year, forceID, Enrichment.enrich($0, forceID: forceID, reportYear: year, denominators: denominators))
            }
        }
    }

    static func enrichedTable(_ rows: [(id: String, year: Int, forceID: String, figure: EnrichedFigure)]) -> Table {
        Table(schema: enrichedSchema, rows: rows.map { id, year, forceID, enriched in
            let figure = enriched.figure
            let denominator = enriched.denominator
            return [
                .text(id), .integer(year), .text(forceID), .text(figure.metric), Value(figure.qualifier), .number(figure.value),
                .text(figure.unit), Value(figure.period.start), Value(figure.period.end), Value(figure.period.asAt),
                .text(figure.source.rawValue), .integer(figure.line), Value(denominator.population), Value(denominator.year),
                Value(denominator.source), .text(enriched.note), Value(enriched.impliedCount), Value(enriched.impliedRate),
                Value(enriched.impliedRateUnit),
            ]
        })
    }

    // MARK: validation

    static let validationSchema = TableSchema(
        name: "validation",
        fields: [
            Field("report_id", .string, "Report the finding is about"),
            Field("year", .integer, "Assessment year of that report"),
            Field("rule", .string, "Rule that found it"),
            Field("severity", .string, "error, warning or info"),
            Field("subject", .string, "The row it is about: table, key and source line"),
            Field("message", .string, "What was compared, with the numbers"),
        ],
        partitionField: "year")

    static func validationTable(_ findings: [ValidationFinding]) -> Table {
        Table(schema: validationSchema, rows: findings.map { finding in
            [.text(finding.reportID), Value(finding.year), .text(finding.rule), .text(finding.severity.rawValue), .text(finding.subject), .text(finding.message)]
        })
    }
}
