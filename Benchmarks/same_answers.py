#!/usr/bin/env python3
"""Checks that speed never changes answers (issue 6): two peel datasets agree on every report they share.

Usage:
    python3 Benchmarks/same_answers.py DATASET_A DATASET_B [DATASET_C ...]

For every pair (A, B), the rows of each table that belong to reports present in both (by report_id, the sha256
of the report's bytes) must be the same rows in the same order, with two exceptions that are not about the
report itself: `reports.source_archive` and `reports.source_entry` (where the bytes were found) are left out, and
so are validation findings of the rules that compare reports with each other (`cross_document_grades`,
`england_wales_agree`), whose answer depends on which other reports a run reads. Datasets made from the same
inputs with different --jobs must be byte-identical: when the two datasets have the same report ids this also
compares every table file byte for byte (flat and partitioned), apart from the source columns above.

Prints one line per pair and table and exits 1 on any difference. Standard library only.
"""
import csv
import sys
from pathlib import Path

TABLES = ["reports", "judgments", "grade_distributions", "figures", "findings", "enriched_figures", "validation"]
CROSS_REPORT_RULES = {"cross_document_grades", "england_wales_agree"}
WHERE_FOUND = {"source_archive", "source_entry"}


def rows_by_report(dataset, table):
    """report_id -> list of rows (tuples, columns about where the bytes were found left out), in file order."""
    with open(Path(dataset) / f"{table}.csv", newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        keep = [i for i, name in enumerate(header) if name not in WHERE_FOUND]
        rule = header.index("rule") if "rule" in header else None
        out = {}
        for row in reader:
            if rule is not None and row[rule] in CROSS_REPORT_RULES:
                continue
            out.setdefault(row[0], []).append(tuple(row[i] for i in keep))
        return out


def compare(a, b):
    ok = True
    ids_a = ids_b = None
    for table in TABLES:
        ra, rb = rows_by_report(a, table), rows_by_report(b, table)
        if table == "reports":
            ids_a, ids_b = set(ra), set(rb)
            shared = ids_a & ids_b
        differing = sorted(i for i in shared if ra.get(i, []) != rb.get(i, []))
        rows = sum(len(ra.get(i, [])) for i in shared)
        status = "same" if not differing else f"DIFFERENT for {len(differing)} reports, e.g. {differing[0]}"
        print(f"  {table:<20} {len(shared):>6} shared reports, {rows:>8} rows: {status}")
        ok &= not differing
    if ids_a == ids_b:
        # Same inputs: whole files must match too (row order across reports, partitions, statistics).
        for table in TABLES:
            for path in sorted(p.relative_to(a) for p in Path(a).glob(f"{table}/*/*.csv")) + [Path(f"{table}.csv")]:
                fa, fb = (Path(a) / path).read_bytes(), (Path(b) / path).read_bytes() if (Path(b) / path).exists() else None
                if table == "reports":
                    same = fb is not None and strip_where_found(fa) == strip_where_found(fb)
                else:
                    same = fa == fb
                if not same:
                    print(f"  {path}: files differ")
                    ok = False
        print(f"  same report ids: every table file compared byte for byte: {'same' if ok else 'DIFFERENT'}")
    return ok


def strip_where_found(data):
    rows = list(csv.reader(data.decode("utf-8").splitlines()))
    keep = [i for i, name in enumerate(rows[0]) if name not in WHERE_FOUND]
    return [[row[i] for i in keep] for row in rows]


def main():
    datasets = sys.argv[1:]
    if len(datasets) < 2:
        sys.exit(__doc__)
    ok = True
    for other in datasets[1:]:
        print(f"{datasets[0]} vs {other}:")
        ok &= compare(datasets[0], other)
    print("same answers" if ok else "ANSWERS DIFFER")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
