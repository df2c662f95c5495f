#!/usr/bin/env bash
# Extracts the committed sample PDFs with Apache PDFBox's ExtractText (the text stripper Apache Tika and Tabula build on):
#   apt-get install default-jre-headless libpdfbox2-java
#   bash Tests/Fixtures/make-pdfbox-extractions.sh
# For each Tests/Fixtures/extractions/<stem>.pdf (made by make-extractions.py), writes beside it:
#   <stem>.pdfbox.txt       `ExtractText -encoding UTF-8`: the text in the order the PDF draws it, a line a line of the
#                           page, no page marks (neither form feeds nor blank lines where a page ends)
#   <stem>.pdfbox-sort.txt  the same with `-sort`: the text sorted by its position on the page
# and writes the version into extractions/README.md's "PDFBox" section (replacing an earlier one). Not run by the tests
# or CI (they read the committed files).
set -euo pipefail
cd "$(dirname "$0")/extractions"
jars=/usr/share/java
classpath=$jars/pdfbox2-tools.jar:$jars/pdfbox2.jar:$jars/fontbox2.jar:$jars/commons-logging.jar
shopt -s nullglob
pdfs=(*.pdf)
[ ${#pdfs[@]} -gt 0 ] || { echo "no PDFs in Tests/Fixtures/extractions: run make-extractions.py first" >&2; exit 1; }
for pdf in "${pdfs[@]}"; do
    stem=${pdf%.pdf}
    java -cp "$classpath" org.apache.pdfbox.tools.ExtractText -encoding UTF-8 "$pdf" "$stem.pdfbox.txt"
    java -cp "$classpath" org.apache.pdfbox.tools.ExtractText -sort -encoding UTF-8 "$pdf" "$stem.pdfbox-sort.txt"
done
version=$(ls "$jars"/pdfbox2-[0-9]*.jar | sed -n "1s|.*/pdfbox2-\(.*\)\.jar|PDFBox \1|p")
section="## PDFBox

Made by \`Tests/Fixtures/make-pdfbox-extractions.sh\` from the PDFs above, with Apache PDFBox's \`ExtractText\`
($version, Debian's libpdfbox2-java; the text stripper Apache Tika and Tabula build on).

- \`<stem>.pdfbox.txt\` — \`ExtractText -encoding UTF-8\`: the text in the order the PDF draws it, no page marks
  (neither form feeds nor blank lines where a page ends).
- \`<stem>.pdfbox-sort.txt\` — the same with \`-sort\`: the text sorted by its position on the page.
"
python3 ../set-readme-section.py "$section"
