#!/usr/bin/env bash
# Extracts the committed sample PDFs with PDFium (Chrome's PDF reader) through the pypdfium2 command line:
#   python3 -m venv /tmp/venv-pdfium && /tmp/venv-pdfium/bin/pip install pypdfium2
#   PYPDFIUM2=/tmp/venv-pdfium/bin/pypdfium2 bash Tests/Fixtures/make-pdfium-extractions.sh
# For each Tests/Fixtures/extractions/<stem>.pdf (made by make-extractions.py), writes beside it:
#   <stem>.pdfium.txt          `pypdfium2 extract-text` (its "range" reading): lines ended by CR LF, a page begun by a
#                              line "# Page N" (no form feeds), a hyphen that ended a line written as U+FFFE with the
#                              lines joined ("anti\uFFFEsocial")
#   <stem>.pdfium-bounded.txt  the same with `--strategy bounded`: that hyphen written as the control character STX
# and writes the versions into extractions/README.md's "PDFium" section (replacing an earlier one). Not run by the
# tests or CI (they read the committed files).
set -euo pipefail
cd "$(dirname "$0")/extractions"
pypdfium2=${PYPDFIUM2:-pypdfium2}
shopt -s nullglob
pdfs=(*.pdf)
[ ${#pdfs[@]} -gt 0 ] || { echo "no PDFs in Tests/Fixtures/extractions: run make-extractions.py first" >&2; exit 1; }
for pdf in "${pdfs[@]}"; do
    stem=${pdf%.pdf}
    "$pypdfium2" extract-text "$pdf" > "$stem.pdfium.txt"
    "$pypdfium2" extract-text --strategy bounded "$pdf" > "$stem.pdfium-bounded.txt"
done
version=$("$pypdfium2" --version 2>&1 | head -1)
section="## PDFium

Made by \`Tests/Fixtures/make-pdfium-extractions.sh\` from the PDFs above, with pypdfium2's command line (from PyPI,
in a virtual environment; the script says how): $version.

- \`<stem>.pdfium.txt\` — \`pypdfium2 extract-text\`: lines ended by CR LF, each page begun by a line \`# Page N\` (no
  form feeds), and a hyphen that ended a line written as the noncharacter U+FFFE, the two lines joined
  (\`anti\\uFFFEsocial\`).
- \`<stem>.pdfium-bounded.txt\` — the same with \`--strategy bounded\`: that hyphen written as the control character
  STX (0x02).
"
python3 ../set-readme-section.py "$section"
