#!/usr/bin/env bash
# Fuzzes decode + parse with libFuzzer for SECONDS (default 30; CI runs this short smoke).
#   Tests/Fuzz/run.sh [SECONDS]      e.g. Tests/Fuzz/run.sh 3600 for an hour
# Seeds: 40-line windows of every sample, also as CRLF + Windows-1252. A crash stops the run with a non-zero
# status and leaves crash-<sha1> in .build-fuzz/: copy it to Tests/Fuzz/regressions/ (a test replays them).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-30}
bash "$root/Tests/Fuzz/build.sh" 2>&1 | grep -v 'Cannot export local symbol' || true
seeds=$root/.build-fuzz/seeds
corpus=$root/.build-fuzz/corpus
rm -rf "$seeds" && mkdir -p "$seeds" "$corpus"
python3 - "$root/Tests/Fixtures/samples" "$seeds" <<'PY'
import os, sys
samples, seeds = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(samples)):
    lines = open(os.path.join(samples, name), "rb").read().split(b"\n")
    for start in range(0, len(lines), 40):
        chunk = b"\n".join(lines[:12] + lines[start:start + 40])  # the title page, then a window
        open(os.path.join(seeds, f"{name}-{start}"), "wb").write(chunk)
        crlf = chunk.decode("utf-8").replace("\n", "\r\n").encode("cp1252", "ignore")
        open(os.path.join(seeds, f"{name}-{start}-1252"), "wb").write(crlf)
PY
cp "$root"/Tests/Fuzz/regressions/* "$seeds"/ 2>/dev/null || true
cd "$root/.build-fuzz"
ASAN_OPTIONS=detect_leaks=0 ./peel-fuzz -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus" "$seeds" 2>&1 | grep -E 'stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|crash-|Done' || true
test -z "$(ls crash-* timeout-* oom-* 2>/dev/null)" || { echo "fuzzing found a failing input: $(ls crash-* timeout-* oom-* 2>/dev/null)" >&2; exit 1; }
echo "fuzz smoke: no crash in ${seconds}s"
