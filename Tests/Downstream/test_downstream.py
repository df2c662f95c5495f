"""The outputs as their users load them: frictionless, pandas, pyarrow and DuckDB, with the README's own
snippets, on the default dataset and on one whose text is hard to escape."""
import contextlib
import hashlib
import json
import os
import re
import subprocess

import duckdb
import pandas as pd
import pyarrow as pa
import pytest
from frictionless import validate

from conftest import ROOT, run_peel

README = (ROOT / "README.md").read_text()


def snippet(name):
    """The code block that follows `<!-- snippet:NAME -->` in the README, as written."""
    match = re.search(r"<!-- snippet:%s -->\s*```\w+\n(.*?)```" % name, README, re.S)
    assert match, f"README has no {name} snippet"
    return match.group(1)


@contextlib.contextmanager
def inside(dataset):
    """In the folder that holds Outputs/, as the README's snippets expect; the old folder is restored."""
    cwd = os.getcwd()
    os.chdir(dataset.parent)
    try:
        yield
    finally:
        os.chdir(cwd)


def run_snippet(name, dataset):
    """Runs a README Python snippet from the folder that holds Outputs/, returning its variables."""
    scope = {}
    with inside(dataset):
        exec(compile(snippet(name), f"README:{name}", "exec"), scope)
    return scope


def duckdb_views(dataset):
    """A DuckDB connection with the README's views (they read relative paths when queried)."""
    db = duckdb.connect()
    with inside(dataset):
        db.execute(snippet("duckdb"))
    return db


def manifest(dataset):
    return json.loads((dataset / "manifest.json").read_text())


def package(dataset):
    return json.loads((dataset / "datapackage.json").read_text())


def manifest_rows(dataset, path):
    return next(o["rows"] for o in manifest(dataset)["outputs"] if o["path"] == path)


TABLES = ["reports", "judgments", "grade_distributions", "figures", "findings", "enriched_figures", "validation"]


def test_datapackage_validates_with_frictionless(dataset):
    report = validate(str(dataset / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:10]
    resources = {r["name"]: r for r in package(dataset)["resources"]}
    assert sorted(resources) == sorted(TABLES)
    grade = next(f for f in resources["judgments"]["schema"]["fields"] if f["name"] == "grade")
    assert grade["categoriesOrdered"] is True
    assert grade["categories"] == ["inadequate", "requires_improvement", "adequate", "good", "outstanding", "ungraded"]
    assert resources["figures"]["schema"]["foreignKeys"] == [
        {"fields": ["report_id"], "reference": {"resource": "reports", "fields": ["report_id"]}}]
    assert resources["judgments"]["peel_partitioning"]["path"] == "judgments/"
    for resource in resources.values():
        assert resource["schema"]["missingValues"] == [""]
        assert all(len(f["name"]) < 32 for f in resource["schema"]["fields"])


def test_frictionless_catches_a_broken_table(dataset, tmp_path):
    """The schema is not decoration: a grade outside the vocabulary fails validation."""
    copy = tmp_path / "Outputs"
    copy.mkdir()
    for name in ["datapackage.json"] + [f"{t}.csv" for t in TABLES]:
        (copy / name).write_bytes((dataset / name).read_bytes())
    text = (copy / "judgments.csv").read_text().replace(",good,four_point,", ",excellent,four_point,", 1)
    (copy / "judgments.csv").write_text(text)
    report = validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert "constraint-error" in {e[0] for e in report.flatten(["type"])}


def test_every_file_ends_with_a_newline_and_has_no_bom(dataset):
    for path in dataset.rglob("*.csv"):
        data = path.read_bytes()
        assert data.endswith(b"\n") and not data.startswith(b"\xef\xbb\xbf"), path
        assert b"\r" not in data, path


def test_pandas_snippet_loads_every_table_with_its_types(dataset):
    tables = run_snippet("pandas", dataset)["tables"]
    for name in TABLES:
        assert len(tables[name]) == manifest_rows(dataset, f"{name}.csv"), name
    judgments, figures = tables["judgments"], tables["figures"]
    assert str(judgments["year"].dtype) == "Int64"
    assert str(judgments["source_line"].dtype) == "Int64"
    assert str(figures["value"].dtype) == "float64"
    assert str(figures["period_end"].dtype).startswith("datetime64")
    assert judgments["last_inspected"].isna().sum() > 0 and judgments["last_inspected"].dropna().min() == 2016
    custody = figures[(figures.metric == "custody_place_of_safety_per_100000") & (figures.area == "force")]
    assert custody.value.tolist() == [107.9]


def test_pyarrow_snippet_reads_partitions_with_an_integer_year(dataset):
    scope = run_snippet("pyarrow", dataset)
    judgments = scope["judgments"]
    assert judgments.num_rows == manifest_rows(dataset, "judgments.csv")
    assert judgments.schema.field("year").type == pa.int32()
    assert judgments.schema.field("last_inspected").type == pa.int64()
    assert sorted(set(judgments.column("year").to_pylist())) == [2015, 2017]
    with inside(dataset):
        loaded = {name: scope["load_partitioned"](name) for name in TABLES}
    for name, table in loaded.items():
        assert table.num_rows == manifest_rows(dataset, f"{name}.csv"), name
    figures = loaded["figures"]
    assert figures.schema.field("value").type == pa.float64()
    assert figures.schema.field("as_at").type == pa.date32()
    # A report without a year (an `other` document) lands in Hive's null partition and reads back as null.
    assert None not in loaded["reports"].column("year").to_pylist()


def test_duckdb_snippet_types_and_counts(dataset):
    db = duckdb_views(dataset)
    with inside(dataset):
        check_duckdb(db, dataset)


def check_duckdb(db, dataset):
    for name in TABLES:
        assert db.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0] == manifest_rows(dataset, f"{name}.csv"), name
    types = dict(db.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'figures'").fetchall())
    assert types["year"] == "BIGINT" and types["value"] == "DOUBLE" and types["period_end"] == "DATE" and types["source_line"] == "BIGINT"
    types = dict(db.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'judgments'").fetchall())
    assert types["last_inspected"] == "BIGINT" and types["grade_rank"] == "BIGINT"
    assert db.execute("SELECT count(*) FROM judgments WHERE year = 2015").fetchall()[0][0] == 225


def test_manifest_statistics_match_the_files(dataset):
    tables = run_snippet("pandas", dataset)["tables"]
    stats = {t["name"]: t for t in manifest(dataset)["tables"]}
    for name in TABLES:
        frame = tables[name]
        assert stats[name]["rows"] == len(frame)
        for column in stats[name]["columns"]:
            series = frame[column["name"]]
            assert column["nulls"] == int(series.isna().sum()), (name, column["name"])
            if column.get("distinct") is not None:
                assert column["distinct"] == series.dropna().nunique(), (name, column["name"])
    years = next(c for c in stats["judgments"]["columns"] if c["name"] == "year")
    assert (years["min"], years["max"]) == (2015, 2017)  # numbers, not text
    ends = next(c for c in stats["figures"]["columns"] if c["name"] == "period_end")
    # Earliest: Wiltshire's domestic abuse share for the 12 months to 31 March 2014.
    assert (ends["min"], ends["max"]) == ("2014-03-31", "2017-06-30")


def test_tricky_text_survives_every_reader(tricky):
    dataset, bullets = tricky
    expected = [b[2:] for b in bullets]
    tables = run_snippet("pandas", dataset)["tables"]
    texts = tables["findings"]["text"].tolist()
    for text in expected:
        assert text in texts, text
    assert tables["reports"]["source_entry"].tolist() == ['report, "quoted" – é.txt']
    scope = run_snippet("pyarrow", dataset)
    with inside(dataset):
        arrow = scope["load_partitioned"]("findings").column("text").to_pylist()
        db = duckdb_views(dataset)
        rows = [r[0] for r in db.execute("SELECT text FROM findings").fetchall()]
        entries = db.execute("SELECT source_entry FROM reports").fetchall()
    for text in expected:
        assert text in arrow
        assert text in rows
    assert entries == [('report, "quoted" – é.txt',)]
    # The NA and None findings are text, never missing.
    assert tables["findings"]["text"].isna().sum() == 0


def without_run_specific_parts(html):
    """index.html without the elements marked data-run-specific (run id, times, cache use)."""
    return re.sub(r"<(\w+)[^>]*\bdata-run-specific\b[^>]*>.*?</\1>", "", html, flags=re.S)


def test_jobs_1_and_2_give_identical_files(tmp_path):
    sums, pages = [], []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        run_peel([ROOT / "Inputs"], out, "--jobs", jobs)
        files = sorted(p for p in out.rglob("*") if p.is_file() and p.name != "manifest.json")
        sums.append({str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files})
        recorded = {o["path"]: o["sha256"] for o in manifest(out)["outputs"]}
        assert recorded == sums[-1]
        # The page holds the run's own id and times, marked as such; the rest of it must agree.
        pages.append(without_run_specific_parts((out / "index.html").read_text()))
        del sums[-1]["index.html"]
    assert sums[0] == sums[1]
    assert pages[0] == pages[1]


def test_json_logs_are_one_object_per_line(tmp_path):
    done = run_peel([ROOT / "Inputs"], tmp_path / "Outputs", "--log-format", "json", "-v")
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    events = [json.loads(line) for line in lines]  # every line is one JSON object
    assert all({"time", "level", "event"} <= set(e) for e in events)
    read = next(e for e in events if e["event"] == "archive read")
    assert read["archive"].endswith("peel-samples.tar.gz") and read["entries"] == 5
    finished = next(e for e in events if e["event"] == "run finished")
    assert finished["parsed"] == 5 and finished["exit_status"] == 3
    # The last line says how the run ended and why, with numbers as numbers; the dataset is written before it.
    assert events[-1] is finished and events[-2]["event"] == "dataset written"
    assert isinstance(finished["publish_seconds"], float) and finished["status"] == "validation_errors"
    assert "1 validation error (count_rate_population)" in finished["why"] and "validation.csv" in finished["why"]
    assert "\r" not in done.stderr  # no progress line when not on a terminal


def test_source_page_loads_as_integers_from_pdfs_and_as_missing_from_text(pdf_dataset, dataset):
    """source_page: a whole number on every row read from a PDF; missing (not 0, not text) on rows read from text."""
    for name in ["judgments", "grade_distributions", "figures", "findings", "enriched_figures"]:
        from_pdf = run_snippet("pandas", pdf_dataset)["tables"][name]
        assert str(from_pdf["source_page"].dtype) == "Int64", name
        assert from_pdf["source_page"].notna().all() and (from_pdf["source_page"] >= 1).all(), name
        from_text = run_snippet("pandas", dataset)["tables"][name]
        assert from_text["source_page"].isna().all(), name
    db = duckdb_views(pdf_dataset)
    with inside(pdf_dataset):
        types = dict(db.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'figures'").fetchall())
        assert types["source_page"] == "BIGINT"
        # Gwent's custody rate is printed on page 7 of its PDF.
        assert db.execute("SELECT source_page FROM figures WHERE force_id = 'gwent' AND area = 'force' "
                          "AND metric = 'custody_place_of_safety_per_100000'").fetchall() == [(7,)]
    entries = manifest(pdf_dataset)["entries"]
    assert all(e["pdf"]["extractor"].startswith("pdftotext ") and e["pdf"]["pages"] > 0 for e in entries)


def test_default_log_level_ends_with_why(tmp_path):
    """Without -v (as under cron) the run still ends with one line giving the exit status and why."""
    done = run_peel([ROOT / "Inputs"], tmp_path / "Outputs")
    last = done.stderr.strip().splitlines()[-1]
    assert " warning run finished " in last and "exit_status=3" in last and "status=validation_errors" in last
    assert 'why="validation findings fail the run under --fail-on error: 1 validation error (count_rate_population)' in last


def test_r_snippet_reads_the_tables_with_their_types(dataset):
    """The README's R snippet, run by Rscript with readr as Debian packages it, from the folder holding Outputs/."""
    check = snippet("r") + """
stopifnot(nrow(figures) == %d, is.double(figures$value), inherits(figures$period_end, "Date"))
stopifnot(is.integer(figures$source_page), all(is.na(figures$source_page)))
stopifnot(nrow(judgments) == %d, sum(judgments$year == 2015) == 225, is.numeric(judgments$source_line))
stopifnot(any(judgments$grade == "ungraded"), !any(is.na(judgments$grade)))
cat("ok\\n")
""" % (manifest_rows(dataset, "figures.csv"), manifest_rows(dataset, "judgments.csv"))
    with inside(dataset):
        done = subprocess.run(["Rscript", "-e", check], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stderr
