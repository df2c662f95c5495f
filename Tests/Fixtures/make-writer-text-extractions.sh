#!/usr/bin/env bash
# The samples as a careless user makes PDFs of them: each sample file opened by LibreOffice Writer as plain text
# (its default page and font; tabs at Writer's default stops, so a table's cells may stand a space apart; lines the
# page cannot hold wrapped by the word processor, a table's rows among them; Markdown left as it is), printed to PDF
# (soffice --headless --convert-to pdf), then extracted by poppler into Tests/Fixtures/extractions/:
#   <stem>.writer-text-layout.txt   pdftotext -layout
#   <stem>.writer-text-reading.txt  pdftotext in reading order
#   bash Tests/Fixtures/make-writer-text-extractions.sh
# Only the texts are kept. Not run by the tests or CI (they read the committed files); the versions used are written
# into extractions/README.md's "Plain text through a word processor" section. Needs libreoffice-writer-nogui and
# poppler-utils (apt-get).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for sample in samples/*; do
    stem=$(basename "${sample%.*}")
    # Named .txt so that Writer opens the Markdown sample as the text it is.
    cp "$sample" "$work/$stem.txt"
done
# A profile of its own: a user's running Writer, or its settings, change nothing here.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work"/*.txt >/dev/null 2>&1
for pdf in "$work"/*.pdf; do
    stem=$(basename "$pdf" .pdf)
    pdftotext -enc UTF-8 -layout "$pdf" "extractions/$stem.writer-text-layout.txt"
    pdftotext -enc UTF-8 "$pdf" "extractions/$stem.writer-text-reading.txt"
done
soffice_version=$(soffice --version 2>/dev/null | head -1)
pdftotext_version=$(pdftotext -v 2>&1 | head -1)
section="## Plain text through a word processor

Made by \`Tests/Fixtures/make-writer-text-extractions.sh\`: each sample file opened as plain text by $soffice_version
(its default page, font and tab stops; the Markdown left as it is) and printed to PDF, then extracted by
$pdftotext_version.

- \`<stem>.writer-text-layout.txt\` — \`pdftotext -layout\`: a table's cells at Writer's default tab stops, some a
  space apart; its longer rows wrapped by the word processor onto a second line.
- \`<stem>.writer-text-reading.txt\` — \`pdftotext\` in reading order."
python3 set-readme-section.py "$section"
