import PeelEnrichment
import PeelReport
import PeelTables
import PeelText
import PeelValidation

/// Category lists of the contract vocabulary, for the schemas' enum constraints.
private enum Categories {
    static let grades = Grade.ordered.map(\.rawValue)
    static let forces: [String]? = nil  // force ids come from Pipeline/forces.csv, which users may extend
    static let reportOf: [(fields: [String], table: String, reference: [String])] = [(["report_id"], "reports", ["report_id"])]
}

/// The tables a run writes, in (input path, entry order) and, within a report, in the order the report
/// prints things, so they are the same whatever the thread count. Column names follow the contract's
/// vocabulary; every row that comes from a report line names it in `source_line`, and its PDF page in `source_page`.
enum ReportTables {
    /// Every table's schema, in the order of datapackage.json.
    static var schemas: [TableSchema] {
        [reportsSchema, judgmentsSchema, distributionsSchema, figuresSchema, findingsSchema, enrichedSchema, validationSchema]
    }

    /// One entry's rows of the tables read from reports (every table but validation, in `schemas` order),
    /// rendered on the parse worker that read it.
    static func batches(_ document: ParsedDocument, id: String, outcome: EntryOutcome, archivePath: String,
                        denominators: Denominators, formats: TableFormats = .csv) -> [RowBatch] {
        let report = document.report
        let page = { (line: Int) in document.pages?.page(ofLine: line) }
        // Each row is written cell by cell, straight into the batch's bytes (no array of values per row).
        var reports = RowBatch(schema: reportsSchema, formats: formats)
        reports.row { row in
            row.text(id); row.text(archivePath); row.text(outcome.path)
            row.integer(outcome.bytes); row.category(document.encoding); row.category(document.format)
            row.category(report.reportType); row.category(report.pillar); row.integer(report.year)
            row.text(report.published); row.text(report.inspectorate); row.text(report.isbn); row.text(report.forceID)
            row.text(report.title); row.integer(report.titleLine)
        }
        var judgments = RowBatch(schema: judgmentsSchema, formats: formats)
        append(report.judgments, to: &judgments, opening: { row in row.text(id); row.integer(report.year) }) { judgment, row in
            row.text(judgment.forceID); row.category(judgment.question)
            row.category(judgment.grade); row.category(judgment.scale); row.integer(judgment.grade.rank(on: judgment.scale))
            row.integer(judgment.lastInspected); row.integer(judgment.line); row.integer(page(judgment.line))
        }
        var distributions = RowBatch(schema: distributionsSchema, formats: formats)
        append(report.gradeDistributions, to: &distributions, opening: { row in row.text(id); row.integer(report.year) }) { distribution, row in
            row.category(distribution.question); row.category(distribution.grade)
            row.integer(distribution.forces); row.integer(distribution.line); row.integer(page(distribution.line))
        }
        var figures = RowBatch(schema: figuresSchema, formats: formats)
        append(report.figures, to: &figures, opening: { row in row.text(id); row.integer(report.year); row.text(report.forceID) }) { figure, row in
            row.category(figure.area); row.category(figure.metric)
            row.category(figure.qualifier); row.number(figure.value); row.category(figure.unit); row.date(figure.period.start)
            row.date(figure.period.end); row.date(figure.period.asAt); row.category(figure.source); row.integer(figure.line)
            row.integer(page(figure.line))
        }
        var findings = RowBatch(schema: findingsSchema, formats: formats)
        append(report.findings, to: &findings, opening: { row in row.text(id); row.integer(report.year); row.text(report.forceID) }) { finding, row in
            row.category(finding.question); row.category(finding.kind)
            row.integer(finding.ordinal); row.text(finding.text); row.integer(finding.line); row.integer(page(finding.line))
        }
        var enriched = RowBatch(schema: enrichedSchema, formats: formats)
        if let (year, forceID, enrichedFigures) = enrich(report, denominators: denominators) {
            append(enrichedFigures, to: &enriched, opening: { row in row.text(id); row.integer(year); row.text(forceID) }) { figure, row in
                enrichedRow(figure, page: page(figure.figure.line), into: &row)
            }
        }
        return [reports, judgments, distributions, figures, findings, enriched]
    }

    /// A row of `batch` for each of `items`: the cells every row opens with (the report's id and year, and the force of
    /// a force report's rows), written by `opening` and rendered once, then each item's own cells.
    private static func append<Item>(_ items: [Item], to batch: inout RowBatch, opening: (inout RowBatch) -> Void,
                                     _ cells: (Item, inout RowBatch) -> Void) {
        guard !items.isEmpty else { return }
        let shared = batch.openingCells(opening)
        for item in items {
            batch.row { row in
                row.opening(shared)
                cells(item, &row)
            }
        }
    }

    // MARK: reports

    static let reportsSchema = TableSchema(
        name: "reports",
        fields: [
            Field("report_id", .string, "SHA-256 of the entry's bytes (lowercase hex)", required: true),
            Field("source_archive", .string, "Input file the entry came from, as given to peel run"),
            Field("source_entry", .string, "Path of the entry inside the archive; nested archives joined with !/"),
            Field("bytes", .integer, "Size of the entry in bytes", required: true, unit: "bytes"),
            Field("encoding", .string, "Character encoding the text was read in", cases: TextEncoding.self),
            Field("text_format", .string, "plain, markdown or html (an HTML document, read as the text it shows): the flavour of PDF extraction", cases: TextFormat.self),
            Field("report_type", .string, "force, national or other", cases: ReportType.self, required: true),
            Field("pillar", .string, "PEEL pillar: effectiveness, efficiency, legitimacy, leadership or integrated", cases: Pillar.self),
            Field("year", .integer, "Assessment year named in the title"),
            Field("published", .string, "Month of publication (YYYY-MM)"),
            Field("inspectorate", .string, "HMIC or HMICFRS"),
            Field("isbn", .string, "ISBN printed in the report"),
            Field("force_id", .string, "Force inspected (data.police.uk slug); empty for national reports"),
            Field("title", .string, "Title and subtitle as printed"),
            Field("title_line", .integer, "Line of the title in the entry"),
        ],
        partitionField: "year", primaryKey: ["report_id"])


    // MARK: judgments

    static let judgmentsSchema = TableSchema(
        name: "judgments",
        fields: [
            Field("report_id", .string, "Report the judgment is printed in", required: true),
            Field("year", .integer, "Assessment year"),
            Field("force_id", .string, "Force graded"),
            Field("question", .string, "overall, preventing_crime, investigating_crime, protecting_vulnerable, serious_organised_crime or specialist_capabilities", cases: Question.self, required: true),
            Field("grade", .string, "Grade, in order from inadequate to outstanding; ungraded last (it has no rank)", cases: Grade.self, categories: Categories.grades, ordered: true, required: true),
            Field("scale", .string, "four_point (to 2018/19) or five_point (2021/22 on)", cases: GradeScale.self, required: true),
            Field("grade_rank", .integer, "Rank on the report's own scale (four_point: outstanding 4 … inadequate 1); empty for ungraded"),
            Field("last_inspected", .integer, "Year the question was last inspected, where printed"),
            Field("source_line", .integer, "Line of the grade in the report", required: true),
            Field("source_page", .integer, "Page of the PDF that line is printed on; empty for text entries"),
        ],
        partitionField: "year", primaryKey: ["report_id", "source_line", "question"], foreignKeys: Categories.reportOf)


    // MARK: grade_distributions

    static let distributionsSchema = TableSchema(
        name: "grade_distributions",
        fields: [
            Field("report_id", .string, "National overview the table is printed in", required: true),
            Field("year", .integer, "Assessment year"),
            Field("question", .string, "Question the distribution is for", cases: Question.self, required: true),
            Field("grade", .string, "Grade, in order from inadequate to outstanding", cases: Grade.self, categories: Categories.grades, ordered: true, required: true),
            Field("forces", .integer, "Number of forces given that grade", required: true, unit: "forces"),
            Field("source_line", .integer, "Line of the counts in the report", required: true),
            Field("source_page", .integer, "Page of the PDF that line is printed on; empty for text entries"),
        ],
        partitionField: "year", primaryKey: ["report_id", "question", "grade"], foreignKeys: Categories.reportOf)


    // MARK: figures

    static let figuresSchema = TableSchema(
        name: "figures",
        fields: [
            Field("report_id", .string, "Report the figure is printed in", required: true),
            Field("year", .integer, "Assessment year"),
            Field("force_id", .string, "Force the report is about"),
            Field("area", .string, "force, or england_and_wales for the national comparator", cases: Area.self, required: true),
            Field("metric", .string, "Metric key (contract metrics.csv)", cases: Metric.self, categories: Vocabulary.metrics, required: true),
            Field("qualifier", .string, "Outcome type for outcome_count and outcome_rate_pct", cases: OutcomeType.self),
            Field("value", .number, "The number as printed, sign kept for changes", required: true),
            Field("unit", .string, "count, percent, per_1000_population, …", cases: MetricUnit.self, categories: Vocabulary.units, required: true),
            Field("period_start", .date, "First day of the period the figure covers"),
            Field("period_end", .date, "Last day of the period the figure covers"),
            Field("as_at", .date, "Date a stock figure is taken at"),
            Field("source", .string, "force_in_numbers, figure_table or narrative", cases: FigureSource.self, required: true),
            Field("source_line", .integer, "Line of the value in the report", required: true),
            Field("source_page", .integer, "Page of the PDF that line is printed on; empty for text entries"),
        ],
        partitionField: "year", primaryKey: ["report_id", "source_line", "area", "metric"], foreignKeys: Categories.reportOf)


    // MARK: findings

    static let findingsSchema = TableSchema(
        name: "findings",
        fields: [
            Field("report_id", .string, "Report the finding is printed in", required: true),
            Field("year", .integer, "Assessment year"),
            Field("force_id", .string, "Force the report is about; empty for national reports"),
            Field("question", .string, "Question whose section the finding is in; empty outside them", cases: Question.self),
            Field("kind", .string, "area_for_improvement, cause_of_concern or recommendation", cases: Finding.Kind.self, required: true),
            Field("ordinal", .integer, "Position among findings of the same kind under the same question", required: true),
            Field("text", .string, "Full text, wrapped lines joined", required: true),
            Field("source_line", .integer, "Line where the finding starts", required: true),
            Field("source_page", .integer, "Page of the PDF that line is printed on; empty for text entries"),
        ],
        partitionField: "year", primaryKey: ["report_id", "source_line"], foreignKeys: Categories.reportOf)


    // MARK: enriched_figures

    static let enrichedSchema = TableSchema(
        name: "enriched_figures",
        fields: [
            Field("report_id", .string, "Report the figure is printed in", required: true),
            Field("year", .integer, "Assessment year"),
            Field("force_id", .string, "Force the figure is about"),
            Field("metric", .string, "Metric key (contract metrics.csv)", cases: Metric.self, categories: Vocabulary.metrics, required: true),
            Field("qualifier", .string, "Outcome type for outcome metrics", cases: OutcomeType.self),
            Field("value", .number, "The number as printed", required: true),
            Field("unit", .string, "Unit of value", cases: MetricUnit.self, categories: Vocabulary.units, required: true),
            Field("period_start", .date, "First day of the period the figure covers"),
            Field("period_end", .date, "Last day of the period the figure covers"),
            Field("as_at", .date, "Date a stock figure is taken at"),
            Field("source", .string, "force_in_numbers, figure_table or narrative"),
            Field("source_line", .integer, "Line of the value in the report", required: true),
            Field("source_page", .integer, "Page of the PDF that line is printed on; empty for text entries"),
            Field("population", .integer, "ONS mid-year population used as denominator (or shown for reference)", unit: "persons"),
            Field("population_year", .integer, "Mid-year of that estimate"),
            Field("population_source", .string, "ONS release the estimate comes from (Pipeline/SOURCES.md)"),
            Field("denominator_note", .string, "Which denominator was used, or why none could be"),
            Field("implied_count", .number, "For rates per head: rate × population ÷ base"),
            Field("implied_rate", .number, "For counts: count ÷ population × base"),
            Field("implied_rate_unit", .string, "Unit of implied_rate", cases: MetricUnit.self, categories: Vocabulary.units),
        ],
        partitionField: "year", primaryKey: ["report_id", "source_line", "metric"], foreignKeys: Categories.reportOf)

    /// Stage 5: every force-area figure of a force report with its denominator.
    static func enrich(_ report: Report, denominators: Denominators) -> (year: Int, forceID: String, figures: [EnrichedFigure])? {
        guard let forceID = report.forceID, let year = report.year else { return nil }
        let force = denominators.forForce(forceID, reportYear: year)
        return (year, forceID, report.figures.filter { $0.area == .force }.map { Enrichment.enrich($0, denominator: force.denominator(metric: $0.metric)) })
    }

    /// An enriched figure's cells after the report's (see `batches`).
    static func enrichedRow(_ enriched: EnrichedFigure, page: Int?, into row: inout RowBatch) {
        let figure = enriched.figure
        let denominator = enriched.denominator
        row.category(figure.metric); row.category(figure.qualifier); row.number(figure.value)
        row.category(figure.unit); row.date(figure.period.start); row.date(figure.period.end); row.date(figure.period.asAt)
        row.text(figure.source.rawValue); row.integer(figure.line); row.integer(page); row.integer(denominator.population); row.integer(denominator.year)
        row.text(denominator.source); row.text(enriched.note); row.number(enriched.impliedCount); row.number(enriched.impliedRate)
        row.category(enriched.impliedRateUnit)
    }

    // MARK: validation

    static let validationSchema = TableSchema(
        name: "validation",
        fields: [
            Field("report_id", .string, "Report the finding is about", required: true),
            Field("year", .integer, "Assessment year of that report"),
            Field("rule", .string, "Rule that found it", cases: RuleName.self, required: true),
            Field("severity", .string, "error, warning or info", cases: Severity.self, required: true),
            Field("subject", .string, "The row it is about: table, key and source line", required: true),
            Field("message", .string, "What was compared, with the numbers", required: true),
        ],
        partitionField: "year", foreignKeys: Categories.reportOf)

    static func validationRow(_ finding: ValidationFinding, into row: inout RowBatch) {
        row.text(finding.reportID); row.integer(finding.year); row.category(finding.rule); row.category(finding.severity)
        row.text(finding.subject); row.text(finding.message)
    }
}
