"""The Parquet tables (`--format csv,parquet`): read with no options by pyarrow and DuckDB, with the data package's
types, the same rows as the CSV, and nulls where the CSV has empty fields."""
import datetime
import json

import duckdb
import pandas as pd
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from frictionless import validate

from conftest import ROOT, run_peel

ARROW_TYPES = {"string": "string", "integer": "int64", "number": "double", "date": "date32[day]"}


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    out = tmp_path_factory.mktemp("parquet") / "Outputs"
    run_peel([ROOT / "Inputs"], out, "--format", "csv,parquet")
    return out


def package(out):
    return {r["name"]: r for r in json.loads((out / "datapackage.json").read_text())["resources"]}


def same(field_type, text, value):
    """A CSV field's text and the Parquet value stand for the same thing."""
    if text == "":
        return value is None
    if field_type == "string":
        return value == text
    if field_type == "integer":
        return value == int(text)
    if field_type == "number":
        return value == float(text)
    return value == datetime.date.fromisoformat(text)


def test_every_table_has_the_package_types_and_the_csv_rows(both):
    for name, resource in package(both).items():
        fields = resource["schema"]["fields"]
        table = pq.read_table(both / "parquet" / f"{name}.parquet")
        assert [(f.name, str(f.type)) for f in table.schema] == [(f["name"], ARROW_TYPES[f["type"]]) for f in fields], name
        csv = pd.read_csv(both / f"{name}.csv", dtype=str, keep_default_na=False)
        rows = table.to_pylist()
        assert len(rows) == len(csv) > 0, name
        for row, (_, record) in zip(rows, csv.iterrows()):
            for field in fields:
                assert same(field["type"], record[field["name"]], row[field["name"]]), (name, field["name"], record[field["name"]], row[field["name"]])
        meta = json.loads(pq.read_schema(both / "parquet" / f"{name}.parquet").metadata[b"peel.schema"])
        assert [f["name"] for f in meta["fields"]] == [f["name"] for f in fields]
        assert pq.ParquetFile(both / "parquet" / f"{name}.parquet").metadata.created_by.startswith("peel version ")


def test_hive_partitions_read_with_no_options(both):
    # The failure that started this: CSV type inference saw last_inspected all empty in year=2015.
    dataset = ds.dataset(both / "parquet" / "judgments", format="parquet", partitioning="hive")
    table = dataset.to_table()
    assert str(table.schema.field("last_inspected").type) == "int64"
    # An all-null column in one partition and not in another: typed alike in both files.
    nulls = {}
    for part in sorted((both / "parquet" / "judgments").glob("year=*/part-00000.parquet")):
        column = pq.read_table(part).column("last_inspected")
        assert str(column.type) == "int64", part
        nulls[part.parent.name] = column.null_count == len(column)
    assert nulls["year=2015"] and not all(nulls.values()), nulls
    assert table.num_rows == pq.read_table(both / "parquet" / "judgments.parquet").num_rows
    counts = duckdb.sql(f"select year, count(*) from read_parquet('{both}/parquet/judgments/*/*.parquet', hive_partitioning=true) "
                        "group by year order by year").fetchall()
    flat = duckdb.sql(f"select year, count(*) from '{both}/parquet/judgments.parquet' group by year order by year").fetchall()
    assert counts == flat and len(counts) == 2
    # Statistics the footer holds agree with the data.
    meta = pq.ParquetFile(both / "parquet" / "figures.parquet").metadata
    column = [meta.schema.column(i).name for i in range(meta.num_columns)].index("value")
    values = pq.read_table(both / "parquet" / "figures.parquet").column("value").to_pylist()
    stats = meta.row_group(0).column(column).statistics
    assert (stats.min, stats.max, stats.null_count) == (min(values), max(values), 0)


def test_the_manifest_and_the_data_package_list_the_parquet_files(both):
    manifest = json.loads((both / "manifest.json").read_text())
    listed = {o["path"]: o for o in manifest["outputs"]}
    for name, resource in package(both).items():
        assert listed[f"parquet/{name}.parquet"]["rows"] == listed[f"{name}.csv"]["rows"]
        files = resource["peel_parquet"]
        assert (both / files["path"]).is_file() and files["compression"] == "zstd"
        assert (both / files["partitioned"]["path"]).is_dir() and files["partitioned"]["style"] == "hive"
    # The custom property leaves the package valid for frictionless.
    report = validate(both / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


PANDAS_TYPES = {"string": "str", "integer": "Int64", "number": "float64", "date": "object"}


def test_pandas_reads_the_package_types_with_no_options(both):
    # Integers with nulls stay integers (pandas' nullable Int64), through the "pandas" metadata pyarrow reads.
    for name, resource in package(both).items():
        frame = pd.read_parquet(both / "parquet" / f"{name}.parquet")
        got = {column: str(dtype) for column, dtype in frame.dtypes.items()}
        want = {f["name"]: PANDAS_TYPES[f["type"]] for f in resource["schema"]["fields"]}
        assert got == want, (name, {k: (got[k], want[k]) for k in want if got.get(k) != want[k]})
    judgments = pd.read_parquet(both / "parquet" / "judgments.parquet")
    assert judgments["last_inspected"].isna().any() and judgments["last_inspected"].notna().any()
    by_year = pd.read_parquet(both / "parquet" / "judgments")
    assert len(by_year) == len(judgments) and str(by_year["last_inspected"].dtype) == "Int64"


POLARS_TYPES = {"string": "String", "integer": "Int64", "number": "Float64", "date": "Date"}


def test_polars_reads_the_package_types_with_no_options(both):
    import polars as pl

    for name, resource in package(both).items():
        frame = pl.read_parquet(both / "parquet" / f"{name}.parquet")
        assert {c: str(t) for c, t in frame.schema.items()} == {f["name"]: POLARS_TYPES[f["type"]] for f in resource["schema"]["fields"]}, name
        assert frame.height == len(pd.read_csv(both / f"{name}.csv", dtype=str, keep_default_na=False))
    lazy = pl.scan_parquet(both / "parquet" / "judgments" / "**" / "*.parquet", hive_partitioning=True).collect()
    flat = pl.read_parquet(both / "parquet" / "judgments.parquet")
    assert lazy.height == flat.height and str(lazy.schema["last_inspected"]) == "Int64"
    assert sorted(lazy["year"].unique().to_list()) == sorted(flat["year"].unique().to_list())


SPARK_TYPES = {"string": "string", "integer": "bigint", "number": "double", "date": "date"}


def test_spark_reads_the_package_types_with_no_options(both):
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[1]").appName("peel-test")
             .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate())
    try:
        for name, resource in package(both).items():
            frame = spark.read.parquet(str(both / "parquet" / f"{name}.parquet"))
            assert dict(frame.dtypes) == {f["name"]: SPARK_TYPES[f["type"]] for f in resource["schema"]["fields"]}, name
            assert frame.count() == len(pd.read_csv(both / f"{name}.csv", dtype=str, keep_default_na=False)), name
        by_year = spark.read.parquet(str(both / "parquet" / "judgments"))
        assert by_year.count() == spark.read.parquet(str(both / "parquet" / "judgments.parquet")).count()
        assert dict(by_year.dtypes)["last_inspected"] == "bigint" and "year" in dict(by_year.dtypes)
        published = spark.read.parquet(str(both / "parquet" / "reports.parquet")).select("published").first()[0]
        assert isinstance(published, str) and len(published) == 7  # YYYY-MM stays text, never a timestamp
    finally:
        spark.stop()


@pytest.fixture(scope="module")
def alone(tmp_path_factory):
    out = tmp_path_factory.mktemp("parquet-alone") / "Outputs"
    run_peel([ROOT / "Inputs"], out, "--format", "parquet")
    return out


def test_parquet_alone_writes_the_same_files_and_no_csv(both, alone):
    written = {p.relative_to(alone) for p in alone.rglob("*") if p.is_file() and ".cache" not in p.parts}
    assert not {p for p in written if p.suffix == ".csv"}, written
    for path in written:
        if path.parts[0] == "parquet":
            assert (alone / path).read_bytes() == (both / path).read_bytes(), path
    manifest = json.loads((alone / "manifest.json").read_text())
    assert manifest["options"]["formats"] == ["parquet"]
    assert {o["path"] for o in manifest["outputs"] if not o["path"].startswith(".cache/")} == {str(p) for p in written} - {"manifest.json"}


def test_parquet_alone_has_a_data_package_frictionless_reads(alone):
    resources = package(alone)
    for name, resource in resources.items():
        assert resource["path"] == f"parquet/{name}.parquet" and resource["format"] == "parquet", resource["path"]
        table = pq.read_table(alone / resource["path"])
        assert [(f.name, str(f.type)) for f in table.schema] == [(f["name"], ARROW_TYPES[f["type"]]) for f in resource["schema"]["fields"]]
        if "peel_partitioning" in resource:
            assert (alone / resource["peel_partitioning"]["path"]).is_dir()
    # frictionless reads each Parquet resource (through pyarrow and pandas) and checks it against its schema.
    report = validate(alone / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:5]
    assert {task.name: task.stats["rows"] for task in report.tasks} == {name: pq.read_metadata(alone / r["path"]).num_rows for name, r in resources.items()}
    page = (alone / "index.html").read_text()
    assert 'href="parquet/validation.parquet"' in page and '.csv"' not in page
