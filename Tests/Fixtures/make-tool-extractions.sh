#!/usr/bin/env bash
# Extracts the committed sample PDFs with two command-line extractors besides poppler's pdftotext, and with its pdftohtml:
#   bash Tests/Fixtures/make-tool-extractions.sh
# For each Tests/Fixtures/extractions/<stem>.pdf (made by make-extractions.py), writes beside it:
#   <stem>.ghostscript.txt  Ghostscript's txtwrite device (text placed by position, in columns of spaces; no page marks)
#   <stem>.mutool.txt       MuPDF's `mutool draw -F txt` (a block at a time, each table cell a block with a blank line
#                           after it; a form feed after each page)
#   <stem>.pdftohtml.html, <stem>.pdftohtml-complex.html, <stem>.pdftohtml-pages.html
#                           poppler's pdftohtml: one HTML file (-s), the same with a style's every run placed apart
#                           (-c), and pages one after another with a rule between them (neither); images left out (-i)
#   <stem>.fixed3.txt       poppler's `pdftotext -fixed 3`: the page's layout on a grid of fixed pitch, a line's words
#                           spaced out by runs of spaces
#   <stem>.raw.txt          `pdftotext -raw`: the text in the order the PDF draws it
#   <stem>.colspacing2.txt  `pdftotext -colspacing 2` (reading order, words further apart than usual taken for one
#                           column): a table's cells and a page's footnotes run into the text around them
#   <stem>.layout-mac.txt   `pdftotext -layout -eol mac`: lines ended by a carriage return alone
#   <stem>.latin1-layout.txt, <stem>.latin1-reading.txt
#                           `pdftotext -enc Latin1`, with -layout and without: Latin-1 bytes, an en dash written as a
#                           soft hyphen (0xAD), a bullet as a middle dot (0xB7), an em dash as "--"
#   <stem>.utf16-layout.txt `pdftotext -enc UTF-16 -layout`: big-endian UTF-16 with no byte-order mark
#   <stem>.htmlmeta-layout.html, <stem>.htmlmeta-reading.html
#                           `pdftotext -htmlmeta`, with -layout and without: the text in an HTML page's <pre>, the PDF's
#                           metadata in its head
#   <stem>.w3m.txt          the text browser w3m's view of <stem>.pymupdf4llm-pandoc.html (`w3m -dump -cols 120`): tables
#                           drawn in columns of spaces, bold shown as plain text, a list's second level marked "▪"
#   <stem>.lynx.txt, <stem>.links.txt, <stem>.elinks.txt
#                           the same page as the text browsers lynx, links and elinks show it (`-dump`, 120 columns):
#                           lynx numbers links ("[1]www…") and marks a list's second level "+"; links and elinks draw
#                           tables in columns of spaces, a header's cells one space apart (links) or centred (elinks)
#   <stem>.pymupdf4llm-pandoc.html
#                           the report as a web page with real tables: <stem>.pymupdf4llm.md (make-other-extractions.py)
#                           through pandoc's GitHub-flavoured Markdown reader
# and writes the tools' versions into extractions/README.md's "Command-line extractors" section (replacing an earlier
# one). Not run by the tests or CI (they read the committed files). Needs ghostscript, mupdf-tools, poppler-utils, pandoc, w3m,
# lynx, links and elinks (apt-get).
set -euo pipefail
cd "$(dirname "$0")/extractions"
shopt -s nullglob
pdfs=(*.pdf)
[ ${#pdfs[@]} -gt 0 ] || { echo "no PDFs in Tests/Fixtures/extractions: run make-extractions.py first" >&2; exit 1; }
for pdf in "${pdfs[@]}"; do
    stem=${pdf%.pdf}
    # Ghostscript warns on stdout that it has no ICC support; the text goes to the file alone.
    gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite -sOutputFile="$stem.ghostscript.txt" "$pdf" >/dev/null 2>&1
    mutool draw -q -F txt -o "$stem.mutool.txt" "$pdf" 2>/dev/null
    # pdftohtml names its output after the name it is given, adding ".html".
    pdftohtml -q -s -i -noframes "$pdf" "$stem.pdftohtml"
    pdftohtml -q -c -s -i -noframes "$pdf" "$stem.pdftohtml-complex"
    pdftohtml -q -i -noframes "$pdf" "$stem.pdftohtml-pages"
    pdftotext -enc UTF-8 -fixed 3 "$pdf" "$stem.fixed3.txt"
    pdftotext -enc UTF-8 -raw "$pdf" "$stem.raw.txt"
    pdftotext -enc UTF-8 -colspacing 2 "$pdf" "$stem.colspacing2.txt"
    pdftotext -enc UTF-8 -layout -eol mac "$pdf" "$stem.layout-mac.txt"
    pdftotext -enc Latin1 -layout "$pdf" "$stem.latin1-layout.txt"
    pdftotext -enc Latin1 "$pdf" "$stem.latin1-reading.txt"
    pdftotext -enc UTF-16 -layout "$pdf" "$stem.utf16-layout.txt"
    pdftotext -enc UTF-8 -htmlmeta -layout "$pdf" "$stem.htmlmeta-layout.html"
    pdftotext -enc UTF-8 -htmlmeta "$pdf" "$stem.htmlmeta-reading.html"
    pandoc -s -f gfm -t html --metadata title="$stem" "$stem.pymupdf4llm.md" -o "$stem.pymupdf4llm-pandoc.html"
    w3m -dump -cols 120 -T text/html -O UTF-8 "$stem.pymupdf4llm-pandoc.html" > "$stem.w3m.txt"
    lynx -dump -width=120 -display_charset=UTF-8 "$stem.pymupdf4llm-pandoc.html" > "$stem.lynx.txt"
    links -dump -width 120 -codepage utf-8 "$stem.pymupdf4llm-pandoc.html" > "$stem.links.txt"
    elinks -dump -dump-width 120 -dump-charset utf-8 "$stem.pymupdf4llm-pandoc.html" > "$stem.elinks.txt"
done
pdftohtml_version=$(pdftohtml -v 2>&1 | sed -n 1p)
pdftotext_version=$(pdftotext -v 2>&1 | sed -n 1p)
pandoc_version=$(pandoc --version | sed -n 1p)
gs_version=$(gs --version)
mutool_version=$(mutool -v 2>&1 | sed -n 1p)
w3m_version=$(w3m -version | sed -n 1p)
lynx_version=$(lynx -version | sed -n 1p)
links_version=$(links -version | sed -n 1p)
elinks_version=$(elinks -version | sed -n 1p)
section="## Command-line extractors

Made by \`Tests/Fixtures/make-tool-extractions.sh\` from the PDFs above.

- \`<stem>.ghostscript.txt\` — \`gs -sDEVICE=txtwrite\` (Ghostscript $gs_version): text placed by its position on
  the page, a table's columns in runs of spaces; no form feeds.
- \`<stem>.mutool.txt\` — \`mutool draw -F txt\` ($mutool_version): a text block at a time, each table cell
  a block of its own with a blank line after it; a form feed after each page.
- \`<stem>.pdftohtml.html\`, \`<stem>.pdftohtml-complex.html\`, \`<stem>.pdftohtml-pages.html\` — poppler's
  \`pdftohtml -i -noframes\` ($pdftohtml_version) with \`-s\` (one file, a paragraph a block), with \`-c -s\` (every run of
  a style placed apart, by its position) and with neither (pages one after another, a rule between them), then the
  document's outline as a list of links.
- \`<stem>.fixed3.txt\` — \`pdftotext -fixed 3\` ($pdftotext_version): the page's layout on a grid of fixed pitch,
  so a line's words stand apart by runs of spaces, as a table's cells do.
- \`<stem>.raw.txt\` — \`pdftotext -raw\`: the text in the order the PDF draws it.
- \`<stem>.colspacing2.txt\` — \`pdftotext -colspacing 2\` (reading order): words up to twice the font's size apart
  taken for one column, so a footnote that lost its number runs on below a list item, a grade table's labels stand
  on one line and its counts each on their own.
- \`<stem>.layout-mac.txt\` — \`pdftotext -layout -eol mac\`: lines ended by a carriage return alone.
- \`<stem>.latin1-layout.txt\`, \`<stem>.latin1-reading.txt\` — \`pdftotext -enc Latin1\`, with \`-layout\` and
  without: Latin-1 bytes, where the en dash, which Latin-1 lacks, is written as a soft hyphen (0xAD), a bullet as a
  middle dot (0xB7) and an em dash as \`--\`.
- \`<stem>.utf16-layout.txt\` — \`pdftotext -enc UTF-16 -layout\`: big-endian UTF-16 with no byte-order mark.
- \`<stem>.htmlmeta-layout.html\`, \`<stem>.htmlmeta-reading.html\` — \`pdftotext -htmlmeta\`, with \`-layout\` and
  without: the text inside an HTML page's \`<pre>\`, the PDF's metadata in its head.
- \`<stem>.pymupdf4llm-pandoc.html\` — the report as a web page with real tables: \`<stem>.pymupdf4llm.md\` through
  \`pandoc -s -f gfm -t html\` ($pandoc_version).
- \`<stem>.w3m.txt\` — that web page as the text browser shows it, \`w3m -dump -cols 120\` ($w3m_version): tables
  drawn in columns of spaces, bold shown as plain text (a converter's space before a comma left standing), a list's
  second level marked \`▪\`.
- \`<stem>.lynx.txt\`, \`<stem>.links.txt\`, \`<stem>.elinks.txt\` — the same page in three more text browsers,
  \`-dump\` at 120 columns ($lynx_version; $links_version; $elinks_version): lynx numbers the links
  (\`[1]www…\`, their list at the end) and marks a list's second level \`+\`; links and elinks draw tables in columns of
  spaces, a header's cells one space apart (links) or centred (elinks).
"
python3 ../set-readme-section.py "$section"
