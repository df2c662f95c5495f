import PeelTables

/// The `reports` table: one row per distinct report-like entry (PEEL reports and `other` documents),
/// in (archive, entry order). Columns the parser does not fill yet stay null.
enum ReportsTable {
    static let schema = TableSchema(
        name: "reports",
        fields: [
            Field("report_id", .string, "SHA-256 of the entry's bytes (lowercase hex)"),
            Field("source_archive", .string, "Input file the entry came from, as given to peel run"),
            Field("source_entry", .string, "Path of the entry inside the archive; nested archives joined with !/"),
            Field("bytes", .integer, "Size of the entry in bytes"),
            Field("encoding", .string, "Character encoding the text was read in"),
            Field("text_format", .string, "plain or markdown: the flavour of PDF extraction"),
            Field("report_type", .string, "force, national or other"),
            Field("pillar", .string, "PEEL pillar: effectiveness, efficiency, legitimacy or leadership"),
            Field("year", .integer, "Assessment year named in the title"),
            Field("published", .string, "Month of publication (YYYY-MM)"),
            Field("inspectorate", .string, "HMIC or HMICFRS"),
            Field("isbn", .string, "ISBN printed in the report"),
            Field("force_id", .string, "Force inspected (data.police.uk slug); empty for national reports"),
            Field("title", .string, "Title and subtitle as printed"),
            Field("title_line", .integer, "Line of the title in the entry"),
        ],
        partitionField: "year")

    static func table(_ extraction: ExtractionResult) -> Table {
        let rows: [[Value]] = extraction.outcomes.compactMap { outcome in
            guard let document = outcome.document, let sha = outcome.sha256 else { return nil }
            let report = document.report
            return [
                .text(sha), .text(extraction.archives[outcome.archiveIndex].path), .text(outcome.path),
                .integer(outcome.bytes), .text(document.encoding.rawValue), .text(document.format.rawValue),
                .text(report.reportType.rawValue), Value(report.pillar?.rawValue), Value(report.year),
                .null, .null, .null, .null,
                Value(report.title), Value(report.titleLine),
            ]
        }
        return Table(schema: schema, rows: rows)
    }
}
