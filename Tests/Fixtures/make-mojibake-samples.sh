#!/usr/bin/env bash
# The samples' UTF-8 read as a single-byte encoding and written out as UTF-8 again (mojibake: "â€“" for "–", "Â¹"
# for "¹"), as an editor, a pipe or a conversion with the wrong source encoding leaves a file:
#   <stem>.mojibake.txt      iconv -f latin1 -t utf-8 (the bytes 0x80–0x9F become C1 control characters)
#   <stem>.mojibake1252.txt  read as Windows-1252 (Python's cp1252, the five bytes it leaves undefined read as Latin-1,
#                            as Windows reads them), written as UTF-8
# into Tests/Fixtures/extractions/.
#   bash Tests/Fixtures/make-mojibake-samples.sh
# Not run by the tests or CI (they read the committed files). Needs iconv (libc-bin) and python3.
set -euo pipefail
cd "$(dirname "$0")"
for sample in samples/*; do
    stem=$(basename "${sample%.*}")
    iconv -f latin1 -t utf-8 "$sample" > "extractions/$stem.mojibake.txt"
    python3 - "$sample" "extractions/$stem.mojibake1252.txt" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
text = "".join(bytes([b]).decode("cp1252", errors="strict") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in data)
open(sys.argv[2], "w", encoding="utf-8", newline="").write(text)
PY
done
