import PeelReport
import PeelTables

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
}
