#!/usr/bin/env bash
# Tests/Fixtures/screenshots/make-screenshot.sh: the README's picture of index.html, the page every run writes:
# peel runs on the embedded input, headless Chromium (Debian's `chromium`) takes the top of the page, offline.
# Needs a built peel (bash .ci/build-release) and chromium. Writes index.png beside this script.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
peel=${PEEL:-$root/.build/release/peel}
(cd "$root" && "$peel" run --input Inputs --output "$work/out" --config Pipeline/pipeline.json > /dev/null 2>&1) || true
[[ -f $work/out/index.html ]] || { echo "make-screenshot.sh: peel wrote no index.html" >&2; exit 1; }
offline=""
unshare -n true 2> /dev/null && offline="unshare -n"
$offline chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
    --proxy-server=127.0.0.1:9 --host-resolver-rules='MAP * ~NOTFOUND' --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1100,1500 --screenshot="$here/index.png" "file://$work/out/index.html" 2> /dev/null
echo "wrote $here/index.png"
