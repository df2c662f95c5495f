import PeelTables

/// `README.md` inside every dataset: what the files are, then what this run read, skipped, quarantined and found.
/// No times or run ids (those are in manifest.json), so the same inputs give the same file; the copy committed in
/// the repository's `Outputs/` is the one the embedded input gives.
enum DatasetReadme {
    static let path = "README.md"

    /// The heading every dataset's README opens with.
    static let heading = "# PEEL dataset (generated)"

    /// What the files are, for the formats the run wrote.
    static func about(_ formats: TableFormats) -> String {
        var tables = ""
        if formats.contains(.csv) {
            tables += """
            - `<table>.csv`: each table as one file with all its columns (for Stata, spreadsheets, frictionless).
            - `<table>/year=<year>/part-00000.csv`: the same rows partitioned by assessment year, Hive style: the
              `year` column is in the folder name only (for arrow, DuckDB, Spark).

            """
        }
        if formats.contains(.parquet) {
            tables += """
            - `parquet/`: every table as Parquet, typed, read with no options by pyarrow, DuckDB, polars, pandas
              and Spark: flat (`parquet/<table>.parquet`) and by assessment year
              (`parquet/<table>/year=<year>/part-00000.parquet`, Hive style).

            """
        }
        var text = """
        \(heading)

        Everything in this folder is written by `peel run` and replaced whole by the next run:
        do not edit it, and keep nothing else here.

        - `index.html`: the run at a glance, for a browser (works offline; nothing in it is fetched): how it
          ended and why, inputs and entries, validation findings, the grade matrix per year, each force's
          figures against England and Wales, and every table's columns. Its run id and stage times are this
          run's own; the rest is the same for the same inputs.
        - `manifest.json`: the record of the run that wrote this folder: inputs and their checksums, every
          archive entry with its status (parsed, skipped or quarantined) and reason, every output file with
          its row count and sha256, stage timings and the exit status. It is written last.

        """
        text += tables + """
        - `datapackage.json`: the Frictionless Data Package describing every table (types, categories, keys).
        - `.cache/`: each input archive's parsed results, so the next run reads only archives that changed
          (`peel run --full` reads everything again). Readers skip it, as they skip every hidden folder.

        """
        if formats.contains(.csv) { text += "\nCSV: RFC 4180, UTF-8 without BOM, `\\n` line ends, header row, empty field = null.\n" }
        return text
    }

    static func text(archives: [ArchiveRecord], totals: Manifest.Totals, validation: Manifest.ValidationTotals, status: ExitStatus,
                     formats: TableFormats, validationFile: String) -> String {
        var out = about(formats) + "\n## What this run read\n\n"
        out += "Exit status \(status.rawValue) (\(status.name)). \(totals.entries) entries in \(totals.archives) input\(totals.archives == 1 ? "" : "s"): "
            + "\(totals.parsed) parsed, \(totals.skipped) skipped, \(totals.quarantined) quarantined.\n\n"
        out += "| input | status | entries |\n|---|---|---|\n"
        for archive in archives.prefix(50) {
            // Whether its results came from the cache is in manifest.json: a re-run gives the same file.
            let state = archive.summary.failure.map { "not read to its end: \($0)" } ?? "read"
            out += "| \(cell(archive.path)) | \(cell(state)) | \(archive.summary.entries) |\n"
        }
        if archives.count > 50 { out += "| … and \(archives.count - 50) more (manifest.json `inputs`) | | |\n" }
        let reports = totals.reportsByType.keys.sorted().map { "\(totals.reportsByType[$0]!) \($0)" }
        out += "\nReports by type: \(reports.isEmpty ? "none" : reports.joined(separator: ", ")).\n"
        if !totals.reasons.isEmpty {
            out += "\nEntries not parsed, by reason (every entry is in manifest.json `entries`):\n\n| entries | status | reason |\n|---|---|---|\n"
            for reason in totals.reasons.prefix(30) { out += "| \(reason.entries) | \(reason.status.rawValue) | \(cell(reason.reason)) |\n" }
        }
        let findings = validation.byRule.keys.sorted().flatMap { rule in
            validation.byRule[rule]!.keys.sorted().map { "| \(rule) | \($0) | \(validation.byRule[rule]![$0]!) |" }
        }
        out += findings.isEmpty ? "\nValidation found nothing.\n" : "\nValidation findings (rows of `\(validationFile)`):\n\n| rule | severity | findings |\n|---|---|---|\n" + findings.joined(separator: "\n") + "\n"
        return out
    }

    /// Text as one Markdown table cell: pipes and line breaks would end it.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
