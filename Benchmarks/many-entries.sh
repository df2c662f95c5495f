#!/usr/bin/env bash
# Benchmarks/many-entries.sh: peak memory over an archive of very many tiny entries (issue 13), on a first run and on
# the incremental re-run that replays them from the cache.
#
# Usage:
#   Benchmarks/many-entries.sh [--entries N]...     (default: 200000 and 1000000)
#
# Environment:
#   PEEL    the peel binary (default: .build/release/peel of this checkout)
#   CONFIG  the pipeline configuration (default: Pipeline/pipeline.json of this checkout)
#   WORK    scratch folder (default: a new folder under /tmp, removed at the end)
#
# Each archive is a tar.gz of N short "minutes" notes (not PEEL reports: each is one skipped entry and one row of
# `reports`), made with Python's tarfile from a fixed seed. Peak RSS comes from GNU time (/usr/bin/time). Target:
# under 300 MB for 1,000,000 entries, the default max_entries_per_archive, on both runs.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
COUNTS=()
while (($#)); do
    case $1 in
        --entries) COUNTS+=("${2:?--entries needs a number}"); shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "many-entries.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done
((${#COUNTS[@]})) || COUNTS=(200000 1000000)
PEEL=${PEEL:-$REPO/.build/release/peel}
CONFIG=${CONFIG:-$REPO/Pipeline/pipeline.json}
[[ -x $PEEL ]] || { echo "no peel binary at $PEEL (bash .ci/build-release)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }
if [[ -z ${WORK:-} ]]; then
    WORK=$(mktemp -d /tmp/peel-many.XXXXXX)
    trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"
echo "| entries | tar.gz MB | first run s | first run peak RSS MB | re-run s | re-run peak RSS MB |"
echo "|---|---|---|---|---|---|"
for count in "${COUNTS[@]}"; do
    archive=$WORK/many-$count.tar.gz
    python3 - "$archive" "$count" <<'PY'
import io, random, sys, tarfile
random.seed(5)
with tarfile.open(sys.argv[1], "w:gz", compresslevel=1) as tar:
    for i in range(int(sys.argv[2])):
        data = (f"Minutes of meeting {i}. " + "word " * random.randint(5, 30)).encode()
        info = tarfile.TarInfo(f"docs/{i // 1000:04d}/note-{i:07d}.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
PY
    rm -rf "$WORK/out"
    row="| $count | $(du -m "$archive" | cut -f1)"
    for run in first again; do
        start=$EPOCHREALTIME
        /usr/bin/time -f '%M' -o "$WORK/time" "$PEEL" run --input "$archive" --output "$WORK/out" --config "$CONFIG" > /dev/null 2>&1 || true
        end=$EPOCHREALTIME
        row+=" | $(awk "BEGIN { printf \"%.1f\", $end - $start }") | $(awk '{ printf "%.0f", $1 / 1024 }' "$WORK/time")"
    done
    echo "$row |"
done
