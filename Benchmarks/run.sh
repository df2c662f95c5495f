#!/usr/bin/env bash
# Benchmarks/run.sh: how close `peel run` comes to the decompression floor (issues 6 and 15).
#
# Usage:
#   python3 Benchmarks/make_corpus.py --mb 300 --out /tmp/bench/corpus    # make a corpus once
#   Benchmarks/run.sh [-n RUNS] [--small DIR] [CORPUS_DIR]  # throughput table (defaults: 3 runs, /tmp/bench/corpus)
#   Benchmarks/run.sh --rss-scaling [-n RUNS] [CORPUS_DIR]  # peak RSS at 1x and 4x the corpus
#   Benchmarks/run.sh --parquet [-n RUNS] [CORPUS_DIR]      # what --format csv,parquet adds to a run (issue 17)
#
# Environment:
#   PEEL    the peel binary (default: .build/release/peel of this checkout; `bash .ci/build-release`)
#   CONFIG  the pipeline configuration (default: Pipeline/pipeline.json of this checkout)
#   WORK    scratch folder for peel's outputs and logs (default: a new folder under /tmp, removed at the end)
#
# Needs bsdtar (libarchive-tools), GNU time at /usr/bin/time (apt-get install time) and python3.
#
# Table mode: the page cache is warmed, then RUNS rounds each run every command once, in turn, so that drift
# in the machine's speed falls on all of them alike:
#   bsdtar -xOf corpus.tar.gz > /dev/null                  the decompression floor
#   peel run --input corpus.tar.gz --jobs 1, then --jobs 2
#   bsdtar -xOf corpus.tar > /dev/null                     reading the uncompressed tar, for reference
#   peel run --input corpus.tar --jobs 1, then --jobs 2    no inflate: parse-bound
# peel runs with --config CONFIG --fail-on never and a fresh --output folder each time. Wall time is bash's
# EPOCHREALTIME around the run, peak RSS (largest resident set of the process) comes from /usr/bin/time. The table prints medians (min-max);
# MB/s is MB (10^6 bytes) of uncompressed text (summary.json's text_bytes) per second, reports/s is peel's
# manifest totals.parsed per second. Ratios are the median of the per-round ratios, against issue 15's targets:
#   peel --jobs 2 / bsdtar on the tar.gz <= 1.5 (goal 1.2);  --jobs 1 / --jobs 2 on the tar >= 1.8;  peak RSS <= 150 MB.
#
# Then the answers: the four peel datasets of the last round (tar.gz and tar, --jobs 1 and 2) must agree table by
# table (Benchmarks/same_answers.py); with --small DIR, peel also reads DIR/corpus.tar.gz (a smaller corpus made
# by make_corpus.py) and every report the two corpora share must have the same rows in both datasets.
#
# --rss-scaling: peel run --jobs 2 on CORPUS_DIR/corpus.tar.gz and on CORPUS_DIR-x4/corpus.tar.gz (a corpus
# 4 times as large, same seed, made with make_corpus.py if missing), RUNS times each in turn; prints the
# median peak RSS of each and their ratio (target: the 4x corpus within 15 %, ratio <= 1.15).
#
# --parquet: peel run --jobs 2 on CORPUS_DIR/corpus.tar.gz with --format csv, then --format csv,parquet, RUNS
# rounds in turn; prints the medians, peak RSS, the median of the per-round ratios (target: at most 1.10) and the
# size of the Parquet files against the flat CSV files.
#
# peel exits 65 on these corpora: they hold deliberately bad entries (binary blobs, NUL bytes), which it
# quarantines. Exit status 0, 3 and 65 count as a completed run; any other stops the benchmark.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
RUNS=3
MODE=table
SMALL=
CORPUS=/tmp/bench/corpus

die() { echo "run.sh: $*" >&2; exit 1; }

while (($#)); do
    case $1 in
        -n|--runs) RUNS=${2:?-n needs a number}; shift 2 ;;
        --rss-scaling) MODE=rss; shift ;;
        --parquet) MODE=parquet; shift ;;
        --small) SMALL=${2:?--small needs a corpus folder}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) CORPUS=$1; shift ;;
    esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "-n wants a positive number, not $RUNS"
CORPUS=${CORPUS%/}
PEEL=${PEEL:-$REPO/.build/release/peel}
CONFIG=${CONFIG:-$REPO/Pipeline/pipeline.json}

[[ -x $PEEL ]] || die "no peel binary at $PEEL (bash .ci/build-release, or set PEEL)"
[[ -f $CONFIG ]] || die "no configuration at $CONFIG (set CONFIG)"
[[ -x /usr/bin/time ]] || die "GNU time is missing: apt-get install time"
command -v bsdtar >/dev/null || die "bsdtar is missing: apt-get install libarchive-tools"
for f in corpus.tar.gz corpus.tar summary.json; do
    [[ -f $CORPUS/$f ]] || die "$CORPUS/$f missing: python3 $HERE/make_corpus.py --mb 300 --out $CORPUS"
done

if [[ -z ${WORK:-} ]]; then
    WORK=$(mktemp -d /tmp/peel-bench.XXXXXX)
    trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"
RESULTS=$WORK/results.tsv   # one row per run: label round wall_s rss_kb exit parsed entries skipped quarantined
: > "$RESULTS"

# measure LABEL ROUND COMMAND...: runs COMMAND under /usr/bin/time (stdout to /dev/null, stderr to a log)
# and appends its row to RESULTS; for peel, the totals of the manifest in $WORK/out-LABEL.
measure() {
    local label=$1 round=$2 start end wall rss status totals="- - - -"
    shift 2
    rm -rf "$WORK/out-$label"
    start=$EPOCHREALTIME  # microseconds; /usr/bin/time's own %e has only 10 ms resolution
    /usr/bin/time -f '%M %x' -o "$WORK/time" "$@" > /dev/null 2>> "$WORK/$label.log" || true
    end=$EPOCHREALTIME
    wall=$(awk "BEGIN { printf \"%.4f\", $end - $start }")
    read -r rss status < <(tail -n 1 "$WORK/time")
    if [[ -f $WORK/out-$label/manifest.json ]]; then
        totals=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["totals"]
print(t["parsed"], t["entries"], t["skipped"], t["quarantined"])' "$WORK/out-$label/manifest.json")
    fi
    case $status in
        0|3|65) ;;
        *) tail -n 5 "$WORK/$label.log" >&2; die "$label exited with status $status: $*" ;;
    esac
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$round" "$wall" "$rss" "$status" "${totals// /$'\t'}" >> "$RESULTS"
    printf '  round %s  %-10s %8.2f s  %7.1f MB  exit %s\n' "$round" "$label" "$wall" "$(awk "BEGIN { print $rss / 1024 }")" "$status" >&2
}

peel_run() {  # peel_run LABEL ROUND INPUT JOBS [MORE PEEL OPTIONS]
    local label=$1 round=$2 input=$3 jobs=$4
    shift 4
    measure "$label" "$round" "$PEEL" run --input "$input" --output "$WORK/out-$label" --jobs "$jobs" \
        --config "$CONFIG" --fail-on never --full "$@"
}

warm() { cat "$@" > /dev/null; }  # read the archives once, so every run finds them in the page cache

echo "peel: $PEEL ($("$PEEL" --version 2>/dev/null || echo '?')); corpus: $CORPUS; $RUNS rounds; $(nproc) cores" >&2

if [[ $MODE == table ]]; then
    warm "$CORPUS/corpus.tar.gz" "$CORPUS/corpus.tar"
    for ((round = 1; round <= RUNS; round++)); do
        measure bsdtar-gz "$round" bsdtar -xOf "$CORPUS/corpus.tar.gz"
        peel_run gz-j1 "$round" "$CORPUS/corpus.tar.gz" 1
        peel_run gz-j2 "$round" "$CORPUS/corpus.tar.gz" 2
        measure bsdtar-tar "$round" bsdtar -xOf "$CORPUS/corpus.tar"
        peel_run tar-j1 "$round" "$CORPUS/corpus.tar" 1
        peel_run tar-j2 "$round" "$CORPUS/corpus.tar" 2
    done
    CORPORA=$CORPUS
    SAME=("$WORK/out-gz-j1" "$WORK/out-gz-j2" "$WORK/out-tar-j1" "$WORK/out-tar-j2")
    if [[ -n $SMALL ]]; then
        peel_run small 1 "$SMALL/corpus.tar.gz" 2
        SAME+=("$WORK/out-small")
    fi
elif [[ $MODE == parquet ]]; then
    warm "$CORPUS/corpus.tar.gz"
    for ((round = 1; round <= RUNS; round++)); do
        peel_run csv "$round" "$CORPUS/corpus.tar.gz" 2 --format csv
        peel_run parquet "$round" "$CORPUS/corpus.tar.gz" 2 --format csv,parquet
    done
    CORPORA=$CORPUS
    SIZES=$(python3 -c 'import json,sys; o=json.load(open(sys.argv[1]))["outputs"]
print(sum(f["bytes"] for f in o if f["path"].endswith(".csv") and "/" not in f["path"]),
      sum(f["bytes"] for f in o if f["path"].startswith("parquet/") and f["path"].count("/") == 1))' "$WORK/out-parquet/manifest.json")
    export SIZES
else
    X4=$CORPUS-x4
    if [[ ! -f $X4/summary.json ]]; then
        read -r mb seed < <(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))
print(s["mb_requested"] * 4, s["seed"])' "$CORPUS/summary.json")
        echo "making the 4x corpus ($mb MB) in $X4" >&2
        python3 "$HERE/make_corpus.py" --mb "$mb" --seed "$seed" --out "$X4" --no-zip >&2
    fi
    warm "$CORPUS/corpus.tar.gz" "$X4/corpus.tar.gz"
    for ((round = 1; round <= RUNS; round++)); do
        peel_run x1-j2 "$round" "$CORPUS/corpus.tar.gz" 2
        peel_run x4-j2 "$round" "$X4/corpus.tar.gz" 2
    done
    CORPORA="$CORPUS $X4"
fi

python3 - "$MODE" "$RESULTS" $CORPORA <<'PY'
import json, statistics, sys

mode, results, corpora = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = [line.rstrip("\n").split("\t") for line in open(results)]
runs = {}
for label, rnd, wall, rss, status, *totals in rows:
    runs.setdefault(label, []).append(dict(round=int(rnd), wall=float(wall), rss=int(rss) / 1024,
                                          status=status, totals=totals))
summaries = [json.load(open(f"{c}/summary.json")) for c in corpora]
for c, s in zip(corpora, summaries):
    peel = s["peel_force_reports"] + s["peel_national_overviews"]
    print(f"corpus {c}: {s['text_bytes'] / 1e6:.1f} MB of text, {s['files']} files ({peel} PEEL, "
          f"{s['other_documents']} other, {s['bad_entries']} bad); tar.gz {s['archives']['corpus.tar.gz'] / 1e6:.1f} MB")

def median(values):
    return max(statistics.median(values), 1e-4)  # a wall time is never quite 0

def spread(values, fmt="{:.2f}"):
    return f"{fmt.format(median(values))} ({fmt.format(min(values))}-{fmt.format(max(values))})"

def paired_ratio(a, b, key="wall"):
    by_round = {r["round"]: r[key] for r in runs[b]}
    return median([r[key] / by_round[r["round"]] for r in runs[a] if r["round"] in by_round])

def verdict(ok):
    return "met" if ok else "MISSED"

if mode == "table":
    text_mb = summaries[0]["text_bytes"] / 1e6
    names = {"bsdtar-gz": "bsdtar -xOf corpus.tar.gz", "gz-j1": "peel --jobs 1, tar.gz", "gz-j2": "peel --jobs 2, tar.gz",
             "bsdtar-tar": "bsdtar -xOf corpus.tar", "tar-j1": "peel --jobs 1, tar", "tar-j2": "peel --jobs 2, tar"}
    print(f"\n{'command':<27} {'wall s, median (min-max)':<26} {'MB/s':>7} {'reports/s':>10} {'peak RSS MB':>12}  exit  parsed/entries/skipped/quarantined")
    for label, name in names.items():
        rs = runs[label]
        wall = median([r["wall"] for r in rs])
        parsed = rs[-1]["totals"][0]
        reports = f"{int(parsed) / wall:.1f}" if parsed != "-" else "-"
        totals = "/".join(rs[-1]["totals"]) if parsed != "-" else ""
        print(f"{name:<27} {spread([r['wall'] for r in rs]):<26} {text_mb / wall:>7.1f} {reports:>10} "
              f"{median([r['rss'] for r in rs]):>12.1f}  {rs[-1]['status']:>4}  {totals}")
    r_floor = paired_ratio("gz-j2", "bsdtar-gz")
    r_scale = paired_ratio("tar-j1", "tar-j2")
    peak = max(r["rss"] for label in ("gz-j1", "gz-j2", "tar-j1", "tar-j2") for r in runs[label])
    print(f"\n{'ratio (median of per-round ratios)':<48} {'measured':>9}  target")
    print(f"{'peel --jobs 2 / bsdtar, on corpus.tar.gz':<48} {r_floor:>9.2f}  <= 1.5   {verdict(r_floor <= 1.5)} (goal 1.2: {verdict(r_floor <= 1.2)})")
    print(f"{'peel --jobs 1 / --jobs 2, on corpus.tar':<48} {r_scale:>9.2f}  >= 1.8   {verdict(r_scale >= 1.8)}")
    print(f"{'peak RSS of any peel run, MB':<48} {peak:>9.1f}  <= 150   {verdict(peak <= 150)}")
elif mode == "parquet":
    import os
    print(f"\n{'peel run --jobs 2 on corpus.tar.gz':<36} {'wall s, median (min-max)':<26} {'peak RSS MB, median (min-max)':>30}")
    for label in ("csv", "parquet"):
        rs = runs[label]
        print(f"{'--format ' + ('csv' if label == 'csv' else 'csv,parquet'):<36} {spread([r['wall'] for r in rs]):<26} "
              f"{spread([r['rss'] for r in rs], '{:.1f}'):>30}")
    ratio = paired_ratio("parquet", "csv")
    csv_bytes, parquet_bytes = (int(n) for n in os.environ["SIZES"].split())
    print(f"\ncsv,parquet / csv (median of per-round ratios): {ratio:.3f}  (target <= 1.10: {verdict(ratio <= 1.10)})")
    print(f"flat files: CSV {csv_bytes / 1e6:.1f} MB, Parquet {parquet_bytes / 1e6:.1f} MB")
else:
    print(f"\n{'peel run --jobs 2 on corpus.tar.gz':<36} {'wall s, median (min-max)':<26} {'MB/s':>7} {'peak RSS MB, median (min-max)':>30}")
    for label, s in zip(("x1-j2", "x4-j2"), summaries):
        rs = runs[label]
        wall = median([r["wall"] for r in rs])
        print(f"{label[:2] + ' corpus':<36} {spread([r['wall'] for r in rs]):<26} {s['text_bytes'] / 1e6 / wall:>7.1f} "
              f"{spread([r['rss'] for r in rs], '{:.1f}'):>30}")
    ratio = median([r["rss"] for r in runs["x4-j2"]]) / median([r["rss"] for r in runs["x1-j2"]])
    print(f"\npeak RSS 4x / 1x: {ratio:.2f}  (target <= 1.15: {verdict(ratio <= 1.15)}); "
          f"largest: {max(r['rss'] for r in runs['x4-j2']):.1f} MB (target <= 300: "
          f"{verdict(max(r['rss'] for r in runs['x4-j2']) <= 300)})")
PY

if [[ $MODE == table ]]; then
    echo
    python3 "$HERE/same_answers.py" "${SAME[@]}"
fi
