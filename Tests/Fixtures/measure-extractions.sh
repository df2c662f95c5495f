#!/usr/bin/env bash
# Measures how many of each sample's values the parser finds in layout variants of the sample and in the committed
# PDF extractions (Tests/Fixtures/extractions/), then prints the coverage table, every wrong and missing value,
# and a ready-to-paste `floors` literal (ExtractionCoverageTests.floors) for Tests/PeelReportTests/ExtractionCoverage.swift.
#   Tests/Fixtures/measure-extractions.sh [extra swift test options]
# Exits with the test run's status (non-zero when a row fell below its floor).
set -uo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .build
rm -f .build/extraction-coverage.txt
swift test --filter ExtractionCoverageTests "$@" >.build/extraction-coverage.log 2>&1
status=$?
if [ -f .build/extraction-coverage.txt ]; then
    cat .build/extraction-coverage.txt
else
    echo "no .build/extraction-coverage.txt was written" >&2
fi
# The test's verdict (failed expectations name the row and the floor).
grep -E '^(✘|✔ Test run|✘ Test run)|error:' .build/extraction-coverage.log | grep -v '^✔ Test "' || true
[ $status -eq 0 ] || echo "swift test exited $status; full log in .build/extraction-coverage.log" >&2
exit $status
