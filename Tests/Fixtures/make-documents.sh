#!/usr/bin/env bash
# Makes the damaged and hostile PDFs of Tests/Fixtures/documents/ from the sample PDFs, with real tools:
# qpdf (encryption, page copies, stream editing), poppler (pdftoppm), img2pdf; and two Office documents of a sample,
# saved by LibreOffice (zip files of XML parts, which peel must not open as archives). Run from the repository root:
#     bash Tests/Fixtures/make-documents.sh
# Needs: apt-get install qpdf img2pdf poppler-utils libreoffice-writer-nogui. Encryption keys are random, so the two
# encrypted PDFs differ from run to run. The outputs are committed; the tests do not need these tools.
set -euo pipefail
cd "$(dirname "$0")"
source=extractions
out=documents
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Needs a password to open (user password "secret"): quarantined as encrypted.
qpdf --static-id --static-aes-iv --encrypt secret owner 256 -- "$source/peel-effectiveness-2017-gwent.pdf" "$out/password-protected.pdf"
# Encrypted with an empty user password and an owner password, as many government PDFs are: it opens without one.
qpdf --static-id --static-aes-iv --encrypt "" owner 256 -- "$source/peel-effectiveness-2017-west-mercia.pdf" "$out/empty-user-password.pdf"
# A scan: the first two pages as pictures, no text layer.
pdftoppm -r 40 -f 1 -l 2 -png "$source/peel-effectiveness-2015-dyfed-powys.pdf" "$work/page"
img2pdf --nodate "$work"/page-*.png -o "$out/scanned.pdf"
# Cut off a third of the way through: no cross-reference table, no trailer.
head -c 60000 "$source/peel-effectiveness-2015-wiltshire.pdf" > "$out/truncated.pdf"
# 3000 pages: past max_pdf_pages (2000), and slow to extract.
pages=()
for _ in $(seq 150); do pages+=("$source/peel-effectiveness-2017-gwent.pdf"); done
qpdf --static-id --empty --object-streams=generate --pages "${pages[@]}" -- "$out/3000-pages.pdf"
# One page whose content stream draws its text 4000 times over: 150 kB that take pdftotext some 900 MB of memory
# and half a minute. Page 3 of a sample, opened as QDF, its content repeated, then recompressed.
qpdf --static-id --empty --pages "$source/peel-effectiveness-2017-gwent.pdf" 3 -- "$work/one.pdf"
qpdf --static-id --qdf --object-streams=disable "$work/one.pdf" "$work/qdf.pdf"
python3 - "$work/qdf.pdf" "$work/bomb-qdf.pdf" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
marker = data.index(b"%% Contents for page 1")
start = data.index(b"stream\n", marker) + len(b"stream\n")
end = data.index(b"endstream", start)
content = data[start:end]
open(sys.argv[2], "wb").write(data[:start] + content * 4000 + data[end:])
PY
fix-qdf "$work/bomb-qdf.pdf" > "$work/bomb-fixed.pdf"
qpdf --static-id --compress-streams=y --recompress-flate --compression-level=9 "$work/bomb-fixed.pdf" "$out/memory-bomb.pdf"
# A sample as a Word and an OpenDocument file.
cp samples/peel-effectiveness-2017-gwent.md "$work/gwent.txt"
soffice --headless --convert-to docx --outdir "$work" "$work/gwent.txt" >/dev/null
soffice --headless --convert-to odt --outdir "$work" "$work/gwent.txt" >/dev/null
cp "$work/gwent.docx" "$out/report.docx"
cp "$work/gwent.odt" "$out/report.odt"
ls -l "$out"
