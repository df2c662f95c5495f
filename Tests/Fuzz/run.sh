#!/usr/bin/env bash
# Fuzzes decode + parse with libFuzzer for SECONDS (default 30; CI runs this short smoke).
#   Tests/Fuzz/run.sh [SECONDS]      e.g. Tests/Fuzz/run.sh 3600 for an hour
# Seeds: 40-line windows of every sample, also as CRLF + Windows-1252. A crash stops the run with a non-zero
# status and leaves crash-<sha1> in .build-fuzz/: copy it to Tests/Fuzz/regressions/ (a test replays them).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-30}
# A harness that does not build, or a stale one, must fail the smoke: it once printed "no crash" over a build
# error (a module the build did not know yet) and ran nothing.
rm -f "$root/.build-fuzz/peel-fuzz"
build_log=$(bash "$root/Tests/Fuzz/build.sh" 2>&1) || { printf '%s\n' "$build_log" | grep -v 'Cannot export local symbol' >&2; echo "fuzz harness did not build" >&2; exit 1; }
printf '%s\n' "$build_log" | grep -v 'Cannot export local symbol' || true
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
        # Paged: a page break every 13 lines, its number alone before the form feed on odd pages and in a running
        # footer on even ones (the page-number and furniture code reads only text with form feeds).
        paged, window = [], chunk.split(b"\n")
        for index in range(0, len(window), 13):
            page = index // 13 + 1
            paged += window[index:index + 13] + ([b"", str(page).encode(), b"\x0c"] if page % 2 else [b"", b"%d | PEEL" % page, b"\x0c"])
        open(os.path.join(seeds, f"{name}-{start}-paged"), "wb").write(b"\n".join(paged))
PY
cp "$root"/Tests/Fuzz/regressions/* "$seeds"/ 2>/dev/null || true
cd "$root/.build-fuzz"
fuzz_log=$(ASAN_OPTIONS=detect_leaks=0 ./peel-fuzz -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus" "$seeds" 2>&1) || true
printf '%s\n' "$fuzz_log" | grep -E 'INFO: Seed|stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Fatal error|crash-|Done' || true
failing=$(ls crash-* timeout-* oom-* 2>/dev/null || true)
if [ -n "$failing" ]; then
    # A CI log may be all there is of the run: the failing inputs go into it, gzipped and base64'd, to be replayed
    # (`base64 -d | gunzip > Tests/Fuzz/regressions/NAME`).
    for input in $failing; do
        echo "fuzz input $input ($(wc -c < "$input") bytes), gzip | base64:" >&2
        gzip -9c "$input" | base64 -w 120 >&2
    done
    echo "fuzzing found a failing input: $failing" >&2
    exit 1
fi
# No crash file is no proof of a run: the fuzzer must have executed inputs.
units=$(printf '%s\n' "$fuzz_log" | sed -n 's/^stat::number_of_executed_units: *//p' | tail -1)
[ "${units:-0}" -gt 0 ] || { printf '%s\n' "$fuzz_log" | tail -20 >&2; echo "the fuzzer ran no input" >&2; exit 1; }
echo "fuzz smoke: no crash in ${seconds}s ($units inputs)"
