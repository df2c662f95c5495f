#!/usr/bin/env bash
# Benchmarks/variants.sh: two peel builds compared on the five samples as real tools give them, not only on the
# benchmark corpus: a speed change must not change one answer on any of them.
#
# Usage:
#   Benchmarks/variants.sh PEEL_A PEEL_B
#
# Environment:
#   CONFIG  the pipeline configuration (default: Pipeline/pipeline.json of this checkout)
#   WORK    scratch folder (default: a new folder under /tmp, removed at the end)
#
# The variants (125 files, about 15 MB), made at each call: the samples' PDFs (Tests/Fixtures/extractions/) as they
# are and through pdftotext in ten ways (reading order, -layout, -raw, -nopgbrk, -fixed 3, -eol dos, Latin-1 and
# ASCII output, from page 2, folded at 70); the samples folded by `fold -s` at 45, 60, 72, 100 and 140 columns, with
# CRLF line ends, in UTF-16 and CP1252 (iconv), tabs expanded (`expand -t 4`), trailing spaces stripped, indented,
# runs of spaces made one, and their prose paragraphs re-wrapped at seeded random widths. Each build reads them with
# `peel run --full --fail-on never`, and Benchmarks/same_answers.py compares the two datasets table by table (byte for
# byte, as both read the same inputs). Exit status: same_answers.py's (1 on any difference).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
if [[ $# -ne 2 || $1 == -h || $1 == --help ]]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
    [[ $# -eq 2 ]] && exit 0 || exit 64
fi
PEEL_A=$1 PEEL_B=$2
CONFIG=${CONFIG:-$REPO/Pipeline/pipeline.json}
for peel in "$PEEL_A" "$PEEL_B"; do [[ -x $peel ]] || { echo "variants.sh: no peel binary at $peel" >&2; exit 1; }; done
for tool in pdftotext fold iconv expand python3; do
    command -v $tool > /dev/null || { echo "variants.sh: $tool is missing (apt-get install poppler-utils coreutils libc-bin python3)" >&2; exit 1; }
done
if [[ -z ${WORK:-} ]]; then
    WORK=$(mktemp -d /tmp/peel-variants.XXXXXX)
    trap 'rm -rf "$WORK"' EXIT
fi
FIXTURES=$REPO/Tests/Fixtures
in=$WORK/in
rm -rf "$in" "$WORK/a" "$WORK/b"
mkdir -p "$in"

for pdf in "$FIXTURES"/extractions/*.pdf; do
    b=$(basename "$pdf" .pdf)
    cp "$pdf" "$in/$b.pdf"
    pdftotext "$pdf" "$in/$b.default.txt"
    pdftotext -layout "$pdf" "$in/$b.layout.txt"
    pdftotext -raw "$pdf" "$in/$b.raw.txt"
    pdftotext -nopgbrk "$pdf" "$in/$b.nopgbrk.txt"
    pdftotext -layout -nopgbrk "$pdf" "$in/$b.layout-nopgbrk.txt"
    pdftotext -fixed 3 "$pdf" "$in/$b.fixed3.txt"
    pdftotext -layout -eol dos "$pdf" "$in/$b.layout-dos.txt"
    pdftotext -enc Latin1 "$pdf" "$in/$b.latin1.txt"
    pdftotext -layout -enc ASCII7 "$pdf" "$in/$b.ascii7.txt"
    pdftotext -f 2 "$pdf" "$in/$b.from-page2.txt"
    fold -s -w 70 "$in/$b.default.txt" > "$in/$b.default-fold70.txt"
done
for sample in "$FIXTURES"/samples/*; do
    name=$(basename "$sample") b=${name%.*} e=${name##*.}
    for width in 45 60 72 100 140; do fold -s -w $width "$sample" > "$in/$b.fold$width.$e"; done
    sed 's/$/\r/' "$sample" > "$in/$b.crlf.$e"
    iconv -f UTF-8 -t UTF-16 "$sample" > "$in/$b.utf16.$e"
    iconv -f UTF-8 -t CP1252//TRANSLIT "$sample" > "$in/$b.cp1252.$e"
    expand -t 4 "$sample" > "$in/$b.expand.$e"
    sed 's/[[:space:]]*$//' "$sample" > "$in/$b.rstrip.$e"
    sed 's/^/  /' "$sample" > "$in/$b.indented.$e"
    sed 's/  */ /g' "$sample" > "$in/$b.onespace.$e"
    python3 - "$sample" "$in/$b.rewrap.$e" <<'PY'
import random, sys, textwrap
seed = 20261204
print(f"re-wrap seed {seed}: {sys.argv[2]}", file=sys.stderr)
rng = random.Random(seed)
paragraphs = open(sys.argv[1], encoding="utf-8").read().split("\n\n")
out = []
for paragraph in paragraphs:
    lines = paragraph.split("\n")
    # Prose only: no table rows, tabs, list items or headings.
    prose = len(paragraph) > 200 and not any(l.lstrip().startswith(("|", "#", "-", "*", "•")) or "\t" in l for l in lines)
    out.append(textwrap.fill(" ".join(l.strip() for l in lines), width=rng.randint(40, 160)) if prose else paragraph)
open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join(out))
PY
done
echo "variants.sh: $(ls "$in" | wc -l) variants in $in"

for side in a b; do
    peel=$PEEL_A
    [[ $side == b ]] && peel=$PEEL_B
    status=0
    "$peel" run --input "$in" --output "$WORK/$side" --config "$CONFIG" --fail-on never --full > "$WORK/$side.log" 2>&1 || status=$?
    # 0, or 3/65 (findings, quarantined entries) with the dataset written; anything else is the build failing.
    [[ $status -eq 0 || $status -eq 3 || $status -eq 65 ]] || { echo "variants.sh: $peel exited $status (log: $WORK/$side.log)" >&2; exit 1; }
done
python3 "$HERE/same_answers.py" "$WORK/a" "$WORK/b"
