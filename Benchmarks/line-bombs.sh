#!/usr/bin/env bash
# Benchmarks/line-bombs.sh: texts of nothing but line ends (or form feeds) take time linear in their lines.
#
# Usage:
#   Benchmarks/line-bombs.sh [LINES]     (default 400000; each text is timed at LINES and at 4 x LINES)
#
# Environment: PEEL (default .build/release/peel of this checkout), CONFIG (default Pipeline/pipeline.json).
# Needs GNU time at /usr/bin/time and python3.
#
# Such a file is a few kilobytes zipped (8 MB of line ends: 7.9 kB). Two loops once looked back over every line read
# so far, quadratic in blank lines (the title page's count, a form feed's look for its page's number), and a third
# searched the rest of the text for a form feed at every block of 160 lines: 800,000 line ends took 14.6 s, 200,000
# form feeds 135 s. Linear, the 4 x column is about 4 times the 1 x one (quadratic: 16); memory grows with the lines
# (some 130 bytes a line), which max_entry_lines bounds (1,000,000 shipped: past it the entry is quarantined unread).
# The configuration is copied with that limit lifted, so the texts are read whole.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
peel=${PEEL:-$root/.build/release/peel}
config=${CONFIG:-$root/Pipeline/pipeline.json}
lines=${1:-400000}
[ -x "$peel" ] || { echo "no peel binary at $peel: bash .ci/build-release" >&2; exit 1; }
work=$(mktemp -d /tmp/peel-line-bombs.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/config"
cp "$(dirname "$config")/forces.csv" "$(dirname "$config")/population.csv" "$work/config/"
python3 - "$config" "$work/config/pipeline.json" <<'PY'
import json, sys
configuration = json.load(open(sys.argv[1]))
configuration.setdefault("limits", {})["max_entry_lines"] = 1 << 40
json.dump(configuration, open(sys.argv[2], "w"))
PY
config=$work/config/pipeline.json

printf '%-14s %10s %10s %8s %12s\n' "text" "1x (s)" "4x (s)" "ratio" "4x RSS (MB)"
for kind in lf crlf space-lf ff; do
    row=()
    for factor in 1 4; do
        python3 - "$kind" $((lines * factor)) "$work/$kind-$factor.txt" <<'PY'
import sys
kind, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
unit = {"lf": "\n", "crlf": "\r\n", "space-lf": " \n", "ff": "\f\n"}[kind]
open(path, "w", newline="").write(unit * count)
PY
        rm -rf "$work/out"
        /usr/bin/time -f "%e %M" -o "$work/time" "$peel" run --input "$work/$kind-$factor.txt" --output "$work/out" --full --jobs 1 \
            --fail-on never --config "$config" > /dev/null 2>&1 || true
        read -r seconds kilobytes < "$work/time"
        row+=("$seconds" "$kilobytes")
        rm -f "$work/$kind-$factor.txt"
    done
    ratio=$(python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{b / max(a, 0.01):.1f}')" "${row[0]}" "${row[2]}")
    printf '%-14s %10s %10s %8s %12d\n' "$kind" "${row[0]}" "${row[2]}" "$ratio" $((row[3] / 1024))
done
