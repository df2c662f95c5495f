"""Reads one CSV file written by peel with pandas, pyarrow and DuckDB, as the README loads them,
and prints what each returned as JSON ({reader: [[cell, ...], ...]}), nulls as null.
Used by the Swift writer tests to check that tricky text survives every reader."""
import json
import sys

import duckdb
import pandas as pd
import pyarrow.csv as pacsv

path = sys.argv[1]
out = {}
frame = pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""])
out["pandas"] = [[None if pd.isna(v) else v for v in row] for row in frame.itertuples(index=False)]
table = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(
    null_values=[""], strings_can_be_null=True, column_types={name: "string" for name in frame.columns}))
out["pyarrow"] = [list(row.values()) for row in table.to_pylist()]
out["duckdb"] = [list(row) for row in duckdb.sql(f"SELECT * FROM read_csv('{path}', all_varchar = true)").fetchall()]
print(json.dumps(out))
