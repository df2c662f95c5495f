#!/usr/bin/env bash
# The samples printed to PDF by a web browser instead of LibreOffice, then extracted by poppler:
#   bash Tests/Fixtures/make-chromium-extractions.sh
# Each sample becomes a plain web page (samples-to-html.py), headless Chromium prints it to PDF (A4 as Chromium sets
# it, no header or footer), and pdftotext extracts it twice into Tests/Fixtures/extractions/:
#   <stem>.chromium-layout.txt   pdftotext -layout (Chromium's table columns, squeezed where a page is narrow)
#   <stem>.chromium-reading.txt  pdftotext in reading order
#   <stem>.chromium-ghostscript.txt  Ghostscript's txtwrite (it prints the superscript digits ⁰ and ⁴–⁹, U+2070–U+2079,
#                                    as the low byte of their codes: the letters p and t–y)
# and the same of each sample as pandoc's GitHub-flavoured Markdown reader makes it a web page (its tab-separated rows a
# paragraph, its lists' bullets drawn by the browser, not text):
#   <stem>.pandoc-chromium-layout.txt, <stem>.pandoc-chromium-reading.txt
# and the force reports with their Force in numbers set as an infographic, its graphics panels two and three a row
# (`samples-to-html.py --grid N`), which pdftotext -layout prints side by side:
#   <stem>.chromium-grid2-layout.txt, <stem>.chromium-grid2-reading.txt, and the same with grid3
# Only the texts are kept (the PDFs are some 2 MB). Not run by the tests or CI (they read the committed files); the
# versions used are written into extractions/README.md's "Printed by Chromium" section. Needs chromium, poppler-utils,
# ghostscript, pandoc and python3 (apt-get).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 samples-to-html.py "$work" samples/*
for page in "$work"/*.html; do
    stem=$(basename "$page" .html)
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/$stem.pdf" "file://$page" >/dev/null 2>&1
    pdftotext -enc UTF-8 -layout "$work/$stem.pdf" "extractions/$stem.chromium-layout.txt"
    pdftotext -enc UTF-8 "$work/$stem.pdf" "extractions/$stem.chromium-reading.txt"
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite -sOutputFile="extractions/$stem.chromium-ghostscript.txt" "$work/$stem.pdf" >/dev/null 2>&1
done
for columns in 2 3; do
    mkdir -p "$work/grid$columns"
    python3 samples-to-html.py --grid "$columns" "$work/grid$columns" samples/*
    for page in "$work/grid$columns"/*.html; do
        stem=$(basename "$page" .html)
        # The national overview has no Force in numbers: its page is the plain one.
        grep -q 'grid-template-columns' "$page" || continue
        chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/grid$columns/$stem.pdf" "file://$page" >/dev/null 2>&1
        pdftotext -enc UTF-8 -layout "$work/grid$columns/$stem.pdf" "extractions/$stem.chromium-grid$columns-layout.txt"
        pdftotext -enc UTF-8 "$work/grid$columns/$stem.pdf" "extractions/$stem.chromium-grid$columns-reading.txt"
    done
done
for sample in samples/*; do
    stem=$(basename "${sample%.*}")
    pandoc -s -f gfm -t html --metadata title="$stem" "$sample" -o "$work/$stem.pandoc.html"
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/$stem.pandoc.pdf" "file://$work/$stem.pandoc.html" >/dev/null 2>&1
    pdftotext -enc UTF-8 -layout "$work/$stem.pandoc.pdf" "extractions/$stem.pandoc-chromium-layout.txt"
    pdftotext -enc UTF-8 "$work/$stem.pandoc.pdf" "extractions/$stem.pandoc-chromium-reading.txt"
done
chromium_version=$(chromium --version 2>/dev/null | head -1)
pdftotext_version=$(pdftotext -v 2>&1 | head -1)
gs_version=$(gs --version)
section="## Printed by Chromium

Made by \`Tests/Fixtures/make-chromium-extractions.sh\`: each sample as a plain web page (\`samples-to-html.py\`:
headings, lists, one bordered table a run of tab-separated lines, 11pt sans-serif) printed to PDF by headless
$chromium_version, then extracted by $pdftotext_version.

- \`<stem>.chromium-layout.txt\` — \`pdftotext -layout\`: a browser's table, its columns as wide as their cells, a
  force's name wrapped in its column like its grades.
- \`<stem>.chromium-reading.txt\` — \`pdftotext\` in reading order.
- \`<stem>.chromium-ghostscript.txt\` — \`gs -sDEVICE=txtwrite\` (Ghostscript $gs_version): the superscript digits
  ⁰ and ⁴–⁹ (U+2070–U+2079) printed as the low byte of their codes (p, t–y), so a footnote opens \"u Crime Inspection 2014 …\".
- \`<stem>.pandoc-chromium-layout.txt\`, \`<stem>.pandoc-chromium-reading.txt\` — the same of each sample as
  \`pandoc -f gfm\` ($(pandoc --version | head -1)) makes it a web page: its tab-separated rows one paragraph, its
  lists' bullets drawn by the browser (no text).
- \`<stem>.chromium-grid2-layout.txt\`, \`<stem>.chromium-grid2-reading.txt\`, and \`grid3\` — the force reports with
  their Force in numbers set as the reports set it, an infographic (\`samples-to-html.py --grid N\`): each graphic a
  bordered panel, two or three a row, which \`pdftotext -layout\` prints side by side."
python3 set-readme-section.py "$section"
