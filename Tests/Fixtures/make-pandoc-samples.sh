#!/usr/bin/env bash
# The samples as pandoc writes them again from their Markdown (GitHub-flavoured, as they are written):
#   <stem>.pandoc-plain.txt    pandoc -t plain: paragraphs wrapped at 72 columns, markup gone
#   <stem>.pandoc-markdown.md  pandoc -t markdown: pandoc's own Markdown, wrapped at 72 columns, with its escapes (\',
#                              \$), hard line breaks as a backslash ending the line, raw HTML as `<b>`{=html}, and
#                              dashes as -- (its smart punctuation)
#   <stem>.pandoc-rst.txt      pandoc -t rst: reStructuredText, its headings underlined ("=====", "-----")
# into Tests/Fixtures/extractions/.
#   bash Tests/Fixtures/make-pandoc-samples.sh
# Not run by the tests or CI (they read the committed files). Needs pandoc (apt-get).
set -euo pipefail
cd "$(dirname "$0")"
for sample in samples/*; do
    stem=$(basename "${sample%.*}")
    pandoc -f gfm -t plain "$sample" -o "extractions/$stem.pandoc-plain.txt"
    pandoc -f gfm -t markdown "$sample" -o "extractions/$stem.pandoc-markdown.md"
    pandoc -f gfm -t rst "$sample" -o "extractions/$stem.pandoc-rst.txt"
done
