/// `README.md` inside every dataset. Static text, so tables and this file are byte-identical across runs;
/// it is also the copy committed in the repository's `Outputs/`.
enum DatasetReadme {
    static let text = """
    # PEEL dataset (generated)

    Everything in this folder is written by `peel run` and replaced whole by the next run:
    do not edit it, and keep nothing else here.

    - `manifest.json`: the record of the run that wrote this folder: inputs and their checksums, every
      archive entry with its status (parsed, skipped or quarantined) and reason, every output file with
      its row count and sha256, stage timings and the exit status. It is written last.
    - `<table>.csv`: each table as one file with all its columns (for Stata, spreadsheets, frictionless).
    - `<table>/year=<year>/part-00000.csv`: the same rows partitioned by assessment year, Hive style: the
      `year` column is in the folder name only (for arrow, DuckDB, Spark).
    - `datapackage.json`: the Frictionless Data Package describing every table (types, categories, keys).
    - `.cache/`: each input archive's parsed results, so the next run reads only archives that changed
      (`peel run --full` reads everything again). Readers skip it, as they skip every hidden folder.

    CSV: RFC 4180, UTF-8 without BOM, `\\n` line ends, header row, empty field = null.

    """

    static let file = RenderedFileSpec(path: "README.md", text: text)
}

struct RenderedFileSpec {
    let path: String
    let text: String
}
