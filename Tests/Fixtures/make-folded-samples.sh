#!/usr/bin/env bash
# The samples as `fold -w N` wraps them: each line longer than N bytes broken every N bytes (a tab to the next multiple
# of eight), mid-word, mid-number and, where a character takes more than one byte, mid-character:
#   Tests/Fixtures/extractions/<stem>.fold40.txt, .fold60.txt, .fold80.txt, .fold120.txt
#   bash Tests/Fixtures/make-folded-samples.sh
# Not run by the tests or CI (they read the committed files). Needs coreutils' fold.
set -euo pipefail
cd "$(dirname "$0")"
for sample in samples/*; do
    stem=$(basename "${sample%.*}")
    for width in 40 60 80 120; do
        fold -w "$width" "$sample" > "extractions/$stem.fold$width.txt"
    done
done
