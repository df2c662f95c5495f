#!/usr/bin/env bash
# Benchmarks/pdf.sh: what `peel run` costs over a folder of PDFs beside pdftotext alone on the same PDFs (issue 12).
#
# Usage:
#   Benchmarks/pdf.sh [-n RUNS] [--count N] [--jobs J]     (defaults: 3 rounds, 200 PDFs, 2 jobs)
#
# Environment:
#   PEEL    the peel binary (default: .build/release/peel of this checkout; `bash .ci/build-release`)
#   CONFIG  the pipeline configuration (default: Pipeline/pipeline.json of this checkout)
#   WORK    scratch folder (default: a new folder under /tmp, removed at the end)
#
# Needs pdftotext (poppler-utils), xargs, GNU time at /usr/bin/time (apt-get install time) and python3.
#
# The corpus: N PDFs, the five sample PDFs of Tests/Fixtures/extractions in turn (11 to 74 pages), each copy
# made distinct by a comment after its %%EOF (a different sha256, so peel reads every one as a report of its own;
# poppler ignores bytes after the end marker, so the work is the same).
#
# Each round runs, in turn, so that drift in the machine's speed falls on both alike:
#   pdftotext alone: one `pdftotext -enc UTF-8 -eol unix -layout FILE -` per PDF, J at once (xargs -P J), text
#                    to /dev/null: the floor, the extraction peel asks for and nothing else
#   peel run --input FOLDER --jobs J: extract (the same pdftotext, J at once), decode, parse, validate, enrich,
#                    write the tables and the manifest
# Wall time is bash's EPOCHREALTIME around each command, peak RSS from /usr/bin/time (peel's own process; its
# pdftotext children are not counted). The ratio is the median of the per-round ratios, against the target:
#   peel run / pdftotext alone <= 1.15
# Then the answers: every PDF must be parsed (manifest totals.parsed == N).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
RUNS=3
COUNT=200
JOBS=2

die() { echo "pdf.sh: $*" >&2; exit 1; }

while (($#)); do
    case $1 in
        -n|--runs) RUNS=${2:?-n needs a number}; shift 2 ;;
        --count) COUNT=${2:?--count needs a number}; shift 2 ;;
        --jobs) JOBS=${2:?--jobs needs a number}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument $1 (see --help)" ;;
    esac
done
for value in "$RUNS" "$COUNT" "$JOBS"; do [[ $value =~ ^[1-9][0-9]*$ ]] || die "wants a positive number, not $value"; done
PEEL=${PEEL:-$REPO/.build/release/peel}
CONFIG=${CONFIG:-$REPO/Pipeline/pipeline.json}
[[ -x $PEEL ]] || die "no peel binary at $PEEL (bash .ci/build-release, or set PEEL)"
[[ -f $CONFIG ]] || die "no configuration at $CONFIG (set CONFIG)"
[[ -x /usr/bin/time ]] || die "GNU time is missing: apt-get install time"
command -v pdftotext >/dev/null || die "pdftotext is missing: apt-get install poppler-utils"

if [[ -z ${WORK:-} ]]; then
    WORK=$(mktemp -d /tmp/peel-pdf-bench.XXXXXX)
    trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK/pdfs"
samples=("$REPO"/Tests/Fixtures/extractions/*.pdf)
for ((i = 0; i < COUNT; i++)); do
    sample=${samples[i % ${#samples[@]}]}
    name=$(printf '%05d-%s' "$i" "$(basename "$sample")")
    { cat "$sample"; printf '%% copy %d\n' "$i"; } > "$WORK/pdfs/$name"
done
pages=$(for f in "$WORK"/pdfs/*.pdf; do pdfinfo "$f" | awk '/^Pages:/ { print $2 }'; done | awk '{ s += $1 } END { print s }')
mb=$(du -sb "$WORK/pdfs" | awk '{ printf "%.1f", $1 / 1e6 }')
echo "peel: $PEEL; $COUNT PDFs ($pages pages, $mb MB); $JOBS jobs; $RUNS rounds; $(nproc) cores; $(pdftotext -v 2>&1 | head -n 1)" >&2
cat "$WORK"/pdfs/*.pdf > /dev/null  # into the page cache

RESULTS=$WORK/results.tsv  # label round wall_s rss_kb
: > "$RESULTS"
measure() {  # measure LABEL ROUND COMMAND...
    local label=$1 round=$2 start end wall rss status
    shift 2
    start=$EPOCHREALTIME
    /usr/bin/time -f '%M %x' -o "$WORK/time" "$@" > /dev/null 2>> "$WORK/$label.log" || true
    end=$EPOCHREALTIME
    wall=$(awk "BEGIN { printf \"%.4f\", $end - $start }")
    read -r rss status < <(tail -n 1 "$WORK/time")
    case $status in 0|3) ;; *) tail -n 5 "$WORK/$label.log" >&2; die "$label exited with status $status: $*" ;; esac
    printf '%s\t%s\t%s\t%s\n' "$label" "$round" "$wall" "$rss" >> "$RESULTS"
    printf '  round %s  %-10s %8.2f s  %7.1f MB\n' "$round" "$label" "$wall" "$(awk "BEGIN { print $rss / 1024 }")" >&2
}

for ((round = 1; round <= RUNS; round++)); do
    measure pdftotext "$round" sh -c 'printf "%s\0" "$1"/*.pdf | xargs -0 -n 1 -P "$2" sh -c '\''exec pdftotext -enc UTF-8 -eol unix -layout "$0" - > /dev/null'\' \
        sh "$WORK/pdfs" "$JOBS"
    rm -rf "$WORK/out"
    measure peel "$round" "$PEEL" run --input "$WORK/pdfs" --output "$WORK/out" --jobs "$JOBS" --config "$CONFIG" --fail-on never
done

parsed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totals"]["parsed"])' "$WORK/out/manifest.json")
[[ $parsed == "$COUNT" ]] || die "peel parsed $parsed of $COUNT PDFs"

python3 - "$RESULTS" "$COUNT" "$pages" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]).read().split("\n") if line]
count, pages = int(sys.argv[2]), int(sys.argv[3])
wall = {}
for label, round_, seconds, rss in rows:
    wall.setdefault(label, {})[int(round_)] = (float(seconds), int(rss) / 1024)
print("| command | wall s (median, min–max) | PDFs/s | pages/s | peak RSS MB |")
print("|---|---|---|---|---|")
for label, name in [("pdftotext", "pdftotext alone (xargs -P)"), ("peel", "peel run")]:
    times = [t for t, _ in wall[label].values()]
    median = statistics.median(times)
    rss = max(r for _, r in wall[label].values())
    print(f"| {name} | {median:.2f} ({min(times):.2f}–{max(times):.2f}) | {count / median:.1f} | {pages / median:.0f} | {rss:.1f} |")
ratios = [wall["peel"][r][0] / wall["pdftotext"][r][0] for r in wall["peel"]]
ratio = statistics.median(ratios)
print(f"\npeel run / pdftotext alone: {ratio:.3f} (per round: {', '.join(f'{x:.3f}' for x in ratios)}); target <= 1.15: {'met' if ratio <= 1.15 else 'MISSED'}")
PY
