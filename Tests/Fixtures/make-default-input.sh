#!/usr/bin/env bash
# Makes the embedded default input, Inputs/peel-samples.tar.gz, from the sample reports, and keeps the
# test fixtures (Tests/Fixtures/samples/) equal to them. Reproducible: same samples, same archive bytes.
#   usage: Tests/Fixtures/make-default-input.sh [samples-folder]   (default: ../shared/samples)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
samples=${1:-$root/../shared/samples}
fixtures=$root/Tests/Fixtures/samples
[ -d "$samples" ] || { echo "no samples folder at $samples" >&2; exit 66; }
rm -f "$fixtures"/*
cp "$samples"/* "$fixtures"/
chmod 0644 "$fixtures"/*
mkdir -p "$root/Inputs"
# Sorted names, fixed times and owners, gzip without a name or timestamp: byte-identical on every run.
(cd "$fixtures" && ls | LC_ALL=C sort | tar --create --file=- --no-recursion \
    --mtime='2018-03-01 00:00:00Z' --owner=0 --group=0 --numeric-owner --format=ustar --files-from=-) \
    | gzip -n -9 > "$root/Inputs/peel-samples.tar.gz"
echo "wrote $root/Inputs/peel-samples.tar.gz from $(ls "$fixtures" | wc -l) samples"
