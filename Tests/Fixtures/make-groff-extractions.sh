#!/usr/bin/env bash
# The samples typeset by groff instead of LibreOffice or a browser, then extracted by poppler:
#   bash Tests/Fixtures/make-groff-extractions.sh
# Each sample becomes a plain web page (samples-to-html.py), pandoc writes it as groff's ms macros, and groff (with tbl
# for the tables, preconv for UTF-8) typesets it to PDF: US Letter, the text justified and hyphenated by groff's own
# patterns, tables' cells too (narrow columns: "Bedford-" / "shire", "Requires im-" / "provement", "Charged/Sum-" /
# "monsed"), no blank line between paragraphs, footnotes at each page's foot, the superscript digits groff's fonts lack
# dropped. pdftotext extracts each PDF twice into Tests/Fixtures/extractions/:
#   <stem>.groff-layout.txt   pdftotext -layout
#   <stem>.groff-reading.txt  pdftotext in reading order
# and pdfplumber once (its extract_text() of every page, joined with a line break; no page marks): a table's cells one
# space apart, each wrapped cell's next line under its row ("Avon and Good Requires im- …" / "Somerset provement …"):
#   <stem>.groff-pdfplumber.txt
# and pypdf once, in its layout mode (extract_text(extraction_mode="layout") of every page, joined with a line break):
# columns placed by the glyphs' widths, a wrapped cell's lines a column or so apart from its first line's:
#   <stem>.groff-pypdf-layout.txt
# Only the texts are kept. Not run by the tests or CI (they read the committed files); the versions used are written
# in extractions/README.md's "Typeset by groff" section. Needs pandoc, groff (the full package: gropdf), poppler-utils
# and python3 (apt-get), and pdfplumber and pypdf from PyPI for $PYTHON (default python3; a virtual environment:
# python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pdfplumber pypdf, then PYTHON=/tmp/venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 samples-to-html.py "$work" samples/*
for page in "$work"/*.html; do
    stem=$(basename "$page" .html)
    pandoc -f html -t ms -s "$page" -o "$work/$stem.ms"
    # groff warns of lines it cannot adjust and characters its fonts lack: expected, not errors.
    groff -ms -t -k -Tpdf "$work/$stem.ms" > "$work/$stem.pdf" 2>/dev/null
    pdftotext -enc UTF-8 -layout "$work/$stem.pdf" "extractions/$stem.groff-layout.txt"
    pdftotext -enc UTF-8 "$work/$stem.pdf" "extractions/$stem.groff-reading.txt"
    "${PYTHON:-python3}" -c 'import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as document:
    text = "\n".join(page.extract_text() or "" for page in document.pages)
open(sys.argv[2], "w", encoding="utf-8").write(text)' "$work/$stem.pdf" "extractions/$stem.groff-pdfplumber.txt"
    "${PYTHON:-python3}" -c 'import sys, pypdf
text = "\n".join(page.extract_text(extraction_mode="layout") for page in pypdf.PdfReader(sys.argv[1]).pages)
open(sys.argv[2], "w", encoding="utf-8").write(text)' "$work/$stem.pdf" "extractions/$stem.groff-pypdf-layout.txt"
done
